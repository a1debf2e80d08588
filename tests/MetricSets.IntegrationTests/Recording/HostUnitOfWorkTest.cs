using System.Data;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Recording;

/// <summary>
/// The library's writes are statements of its own: they never save, withdraw or leave behind anything in the host's
/// change tracker, and inside a host transaction they commit or roll back with it — at every isolation level.
/// </summary>
public sealed class HostUnitOfWorkTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ExecuteAsync(HostDbContext.CreateTableSql);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Recording_neither_saves_nor_touches_the_hosts_pending_changes()
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var note = Pending(scope, "pending");

        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)));

        Assert.Equal(0L, await NotesAsync(note.Id));
        Assert.Equal(EntityState.Added, scope.Context.Entry(note).State);
        Assert.Single(scope.Context.ChangeTracker.Entries());
        await scope.Context.SaveChangesAsync();
        Assert.Equal(1L, await NotesAsync(note.Id));
    }

    [Fact]
    public async Task A_host_change_that_cannot_be_saved_does_not_fail_the_librarys_writes()
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        Pending(scope, new string('x', 30)); // longer than varchar(20): the host's own save would fail

        var recorded = await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(80, MetricUnit.Kilogram)));
        var set = await scope.CreateSetAsync(MetricOwner.ForMember(member), "Mine", [squat.Id]);

        Assert.Equal(member, recorded.MemberId);
        Assert.Equal([squat.Id], (await scope.Sets.GetAsync(MetricViewer.ForMember(member), set.Id)).DefinitionIds);
        await Assert.ThrowsAsync<DbUpdateException>(() => scope.Context.SaveChangesAsync());
    }

    [Fact]
    public async Task Whatever_a_write_ends_in_the_hosts_tracker_holds_only_the_hosts_changes()
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var self = MetricViewer.ForMember(member);
        var note = Pending(scope, "mine");
        var id = MemberMetricId.New();
        var set = await scope.CreateSetAsync(MetricOwner.ForMember(member), "Goals", [squat.Id]);

        await scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Id = id });
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(101, MetricUnit.Kilogram)) { Id = id }));
        await Assert.ThrowsAsync<MetricValidationException>(() => scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(-1, MetricUnit.Kilogram))));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Recorder.RecordAsync(self, new(member, MetricDefinitionId.New(), MetricValue.Of(1, MetricUnit.Kilogram))));
        await scope.Sets.RenameAsync(self, set.Id, "Goals 2027");
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Sets.AddDefinitionAsync(self, set.Id, squat.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.AddDefinitionAsync(self, set.Id, MetricDefinitionId.New()));
        await scope.Catalog.RenameAsync(squat.Id, LocalizedName.Of("en", "Squat"));
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Catalog.CreateAsync(new CatalogEntry(squat.Slug, LocalizedName.Of("en", "Again"), MetricUnit.Kilogram, MetricKind.OneRepMax)));
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Catalog.DeleteAsync(squat.Id));
        await scope.Reader.GetHistoryAsync(self, new MetricHistoryQuery(member, squat.Id));
        await scope.Sets.DeleteAsync(self, set.Id);

        Assert.Equal([note], scope.Context.ChangeTracker.Entries().Select(entry => entry.Entity));
        Assert.Equal(0L, await NotesAsync(note.Id));
    }

    [Fact]
    public async Task A_long_lived_context_tracks_nothing_however_much_it_records()
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());

        for (var i = 0; i < 200; i++)
        {
            await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(i, MetricUnit.Kilogram)) { RecordedAt = scope.Clock.GetCurrentInstant() - Duration.FromMinutes(i) });
        }

        Assert.Empty(scope.Context.ChangeTracker.Entries());
        Assert.Equal(200L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
    }

    [Theory]
    [InlineData(IsolationLevel.ReadCommitted)]
    [InlineData(IsolationLevel.RepeatableRead)]
    [InlineData(IsolationLevel.Serializable)]
    public async Task Inside_a_host_transaction_writes_commit_and_roll_back_with_it(IsolationLevel isolation)
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var self = MetricViewer.ForMember(member);

        await using (var rolledBack = await scope.Context.Database.BeginTransactionAsync(isolation))
        {
            await scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(1, MetricUnit.Kilogram)));
            await scope.Recorder.RecordManyAsync(self, [new(member, squat.Id, MetricValue.Of(2, MetricUnit.Kilogram)) { Id = MemberMetricId.New() }]);
            await scope.CreateSetAsync(MetricOwner.ForMember(member), "Rolled back", [squat.Id]);
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(0L, await ValuesAsync(member));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_sets WHERE member_user_id = $1", member.Value));

        await using (var committed = await scope.Context.Database.BeginTransactionAsync(isolation))
        {
            await scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(3, MetricUnit.Kilogram)));
            await scope.Recorder.RecordManyAsync(self, [new(member, squat.Id, MetricValue.Of(4, MetricUnit.Kilogram))]);
            await scope.CreateSetAsync(MetricOwner.ForMember(member), "Committed", [squat.Id]);
            await committed.CommitAsync();
        }

        Assert.Equal(2L, await ValuesAsync(member));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_sets WHERE member_user_id = $1", member.Value));
    }

    [Theory]
    [InlineData(IsolationLevel.ReadCommitted)]
    [InlineData(IsolationLevel.RepeatableRead)]
    [InlineData(IsolationLevel.Serializable)]
    public async Task A_refused_write_leaves_the_host_transaction_usable(IsolationLevel isolation)
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var self = MetricViewer.ForMember(member);
        var id = MemberMetricId.New();
        var note = Pending(scope, "in transaction");

        await using (var transaction = await scope.Context.Database.BeginTransactionAsync(isolation))
        {
            await scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(10, MetricUnit.Kilogram)) { Id = id });
            await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(11, MetricUnit.Kilogram)) { Id = id }));
            var ghost = UserId.New();
            await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Recorder.RecordAsync(MetricViewer.ForMember(ghost), new(ghost, squat.Id, MetricValue.Of(1, MetricUnit.Kilogram))));
            await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.CreateSetAsync(MetricOwner.ForMember(member), "Broken", [squat.Id, MetricDefinitionId.New()]));
            await Assert.ThrowsAsync<MetricBatchValidationException>(() => scope.Recorder.RecordManyAsync(self, [new(member, squat.Id, MetricValue.Of(-1, MetricUnit.Kilogram))]));
            await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordManyAsync(self, [new(member, squat.Id, MetricValue.Of(12, MetricUnit.Kilogram)) { Id = id }]));

            // Still usable: the host's own change and a library write land together.
            await scope.Recorder.RecordAsync(self, new(member, squat.Id, MetricValue.Of(13, MetricUnit.Kilogram)));
            await scope.Context.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(2L, await ValuesAsync(member));
        Assert.Equal(1L, await NotesAsync(note.Id));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_sets WHERE member_user_id = $1", member.Value));
    }

    [Fact]
    public async Task A_repeatable_read_transaction_that_loses_a_race_for_an_id_gets_the_documented_transient_error()
    {
        await using var scope = Host();
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(50, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };

        await using var transaction = await scope.Context.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await scope.Reader.GetLatestAsync(MetricViewer.ForMember(member), member, [squat.Id]); // takes the snapshot
        await using (var winner = Host())
        {
            await winner.Recorder.RecordAsync(MetricViewer.ForMember(member), request);
        }

        // Not a raw 23505 and no DbUpdateException: the transient serialization failure, as EF Core reports it.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request));
        Assert.Equal(PostgresErrorCodes.SerializationFailure, Assert.IsType<PostgresException>(TransientErrors.AssertTransient(error)).SqlState);
    }

    private ServiceScope Host() => new(database.ConnectionString, contextType: typeof(HostDbContext));

    private static HostNote Pending(ServiceScope scope, string text)
    {
        var note = new HostNote { Text = text };
        ((HostDbContext)scope.Context).Notes.Add(note);
        return note;
    }

    private Task<long> NotesAsync(Guid id) => database.ScalarAsync<long>("SELECT count(*) FROM host_notes WHERE id = $1", id);

    private Task<long> ValuesAsync(UserId member) => database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value);
}
