using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MetricSets.Benchmarks.Data;
using MetricSets.Benchmarks.Reads;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Scale;

/// <summary>
/// What the flat reads cost a write: the same writes into two databases of the default schema, one as the model creates
/// it and one with the flat reads removed (no triggers keeping member_metrics_latest, no base-amount index). Each category
/// compares the two (the baseline is the one without): one value recorded through the library (pooled context), one raw
/// INSERT, and a batch of 10,000 values through the library straight by COPY and, with client ids, through the staging
/// table. The tables grow during the run, alike in both.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FlatReadsWriteCostBenchmarks
{
    /// <summary>Values per batch.</summary>
    public const int BatchRows = 10_000;

    private static readonly BenchShape Shape = new(BenchCatalog.Definitions.Count * BenchCatalog.DefaultOrganizationMembers, 1);
    private static readonly MetricViewer Staff = MetricViewer.ForStaff(new UserId(BenchCatalog.StaffId), new OrganizationId(BenchCatalog.OrganizationId));
    private static readonly Guid[] Members = Shape.OrganizationMemberIds();
    private readonly Target _with = new();
    private readonly Target _without = new();
    private int _next;

    /// <summary>Creates both databases and their containers.</summary>
    [GlobalSetup]
    public async Task GlobalSetupAsync()
    {
        await _with.OpenAsync("bench_writes_flat_reads", removeFlatReads: false).ConfigureAwait(false);
        await _without.OpenAsync("bench_writes_no_flat_reads", removeFlatReads: true).ConfigureAwait(false);
    }

    /// <summary>Releases the pools.</summary>
    [GlobalCleanup]
    public async Task GlobalCleanupAsync()
    {
        await _with.DisposeAsync().ConfigureAwait(false);
        await _without.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One value through the library, without the flat reads.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Record")]
    public Task<MetricReading> RecordWithout() => RecordAsync(_without);

    /// <summary>One value through the library, with the flat reads.</summary>
    [Benchmark]
    [BenchmarkCategory("Record")]
    public Task<MetricReading> RecordWith() => RecordAsync(_with);

    /// <summary>One raw INSERT, without the flat reads.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RawInsert")]
    public Task<int> RawInsertWithout() => InsertAsync(_without);

    /// <summary>One raw INSERT, with the flat reads.</summary>
    [Benchmark]
    [BenchmarkCategory("RawInsert")]
    public Task<int> RawInsertWith() => InsertAsync(_with);

    /// <summary>10,000 values through the library by COPY, without the flat reads.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RecordMany")]
    public Task<int> RecordManyWithout() => RecordManyAsync(_without, withIds: false);

    /// <summary>10,000 values through the library by COPY, with the flat reads.</summary>
    [Benchmark]
    [BenchmarkCategory("RecordMany")]
    public Task<int> RecordManyWith() => RecordManyAsync(_with, withIds: false);

    /// <summary>10,000 values with client ids (the staging table), without the flat reads.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RecordManyWithIds")]
    public Task<int> RecordManyWithIdsWithout() => RecordManyAsync(_without, withIds: true);

    /// <summary>10,000 values with client ids (the staging table), with the flat reads.</summary>
    [Benchmark]
    [BenchmarkCategory("RecordManyWithIds")]
    public Task<int> RecordManyWithIdsWith() => RecordManyAsync(_with, withIds: true);

    private async Task<MetricReading> RecordAsync(Target target)
    {
        var i = Interlocked.Increment(ref _next);
        await using var scope = target.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>().RecordAsync(
            Staff, new RecordMetricRequest(new UserId(Members[i % Members.Length]), new MetricDefinitionId(BenchCatalog.LeaderboardDefinition.Id), MetricValue.Of(100 + (i % 100), MetricUnit.Kilogram))
            {
                Source = MetricSource.CoachInput,
            }).ConfigureAwait(false);
    }

    private async Task<int> InsertAsync(Target target)
    {
        var i = Interlocked.Increment(ref _next);
        await using var command = target.Raw.CreateCommand(
            "INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Members[i % Members.Length] });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = BenchCatalog.LeaderboardDefinition.Id });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = 100 + (i % 100), NpgsqlDbType = NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter<MetricUnit> { TypedValue = MetricUnit.Kilogram });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "coach_input", NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = BenchCatalog.OrganizationId });
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task<int> RecordManyAsync(Target target, bool withIds)
    {
        var start = Interlocked.Add(ref _next, BatchRows);
        var requests = Enumerable.Range(start, BatchRows).Select(i => new RecordMetricRequest(
            new UserId(Members[i % Members.Length]), new MetricDefinitionId(BenchCatalog.LeaderboardDefinition.Id), MetricValue.Of(60 + (i % 140), i % 3 == 0 ? MetricUnit.Pound : MetricUnit.Kilogram))
        {
            Source = MetricSource.CoachInput,
            Id = withIds ? MemberMetricId.New() : null,
        });
        await using var scope = target.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>().RecordManyAsync(Staff, requests).ConfigureAwait(false)).Recorded;
    }

    /// <summary>One database and its container (pooled context, in-memory directory).</summary>
    private sealed class Target : IAsyncDisposable
    {
        public NpgsqlDataSource Raw { get; private set; } = null!;

        public ServiceProvider Services { get; private set; } = null!;

        public async Task OpenAsync(string name, bool removeFlatReads)
        {
            var connectionString = await BenchDatabase.CreateEmptyAsync(name, Shape).ConfigureAwait(false);
            Raw = new NpgsqlDataSourceBuilder(connectionString).MapMetricEnums().Build();
            if (removeFlatReads)
            {
                await using var command = Raw.CreateCommand(string.Join(";\n", FlatReadsSql.Uninstall(schema: null)));
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            var services = new ServiceCollection();
            services.AddSingleton<IMembershipDirectory>(new BenchMembershipDirectory([.. Members.Select(id => new UserId(id))]));
            services.AddDbContextPool<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
            services.AddMetricSets<BenchDbContext>();
            Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync().ConfigureAwait(false);
            await Raw.DisposeAsync().ConfigureAwait(false);
        }
    }
}
