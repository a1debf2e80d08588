using System.Collections.Concurrent;
using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// Read-your-writes under concurrent load, with the standby's replay paused for the first half so that it lags for
/// certain: four writers, each a stream of requests (one scope each) for a member of its own, and two readers. A writer's
/// own reads never miss its write, nor does any read that carries the writer's token; reads without one are served by the
/// standby and may lag. Once replayed, a carried token lets the reads use the standby again.
/// </summary>
public sealed class ReadYourWritesLoadTest(ReplicaDatabase database) : IClassFixture<ReplicaDatabase>
{
    private const int Writers = 4;
    private const int Rounds = 12;
    private const int Readers = 2;
    private static readonly Instant Start = Instant.FromUtc(2026, 9, 1, 6, 0);

    [Fact]
    public async Task A_writers_reads_and_reads_with_its_token_never_miss_its_write_while_others_read_the_lagging_standby()
    {
        MetricDefinitionId squat;
        await using (var setup = database.Scope(replica: ReplicaDatabase.NoReplica))
        {
            squat = (await setup.BackSquatAsync()).Id;
        }

        var members = new UserId[Writers];
        for (var writer = 0; writer < Writers; writer++)
        {
            members[writer] = await database.OnPrimary.AddUserAsync();
        }

        await database.WaitForReplayAsync();
        var published = new ConcurrentDictionary<int, (string Token, int Round)>();
        var misses = new ConcurrentQueue<string>();
        var strangerRoutes = new ConcurrentQueue<string>();
        var staleStrangerReads = 0;
        var carriedReads = 0;
        var replay = await database.PauseReplayAsync();
        var writersDone = 0;

        async Task WriteAsync(int writer)
        {
            var member = members[writer];
            var self = MetricViewer.ForMember(member);
            for (var round = 1; round <= Rounds; round++)
            {
                // One request: record, read it back twice (the first learns the write's position), hand on the token.
                await using (var request = database.Scope())
                {
                    await request.Recorder.RecordAsync(self, new(member, squat, MetricValue.Of(round, MetricUnit.Kilogram)) { RecordedAt = Start + Duration.FromMinutes(round) });
                    for (var read = 0; read < 2; read++)
                    {
                        var latest = (await request.Reader.FindLatestAsync(self, member, squat))?.Value.Amount;
                        if (latest != round)
                        {
                            misses.Enqueue($"writer {writer} round {round} read {read} of its own request: {latest}");
                        }
                    }

                    published[writer] = ((await request.Get<IMetricReadSession>().GetTokenAsync())!, round);
                }

                // Another request without the token: served by the standby, which may lag.
                await using (var stranger = database.Scope())
                {
                    using var routes = new ReadRoutes(stranger);
                    var seen = (await stranger.Reader.FindLatestAsync(self, member, squat))?.Value.Amount ?? 0;
                    strangerRoutes.Enqueue(routes.Last);
                    if (seen > round)
                    {
                        misses.Enqueue($"writer {writer} round {round}: a stranger saw {seen}, which was never written");
                    }
                    else if (seen < round)
                    {
                        Interlocked.Increment(ref staleStrangerReads);
                    }
                }

                if (writer == 0 && round == Rounds / 2)
                {
                    await replay.DisposeAsync(); // replay resumes half-way: the rest runs against a standby that catches up
                }
            }

            Interlocked.Increment(ref writersDone);
        }

        async Task ReadAsync(int reader)
        {
            var random = new Random(reader);
            while (Volatile.Read(ref writersDone) < Writers)
            {
                var writer = random.Next(Writers);
                if (!published.TryGetValue(writer, out var latest))
                {
                    await Task.Yield();
                    continue;
                }

                await using var request = database.Scope();
                request.Get<IMetricReadSession>().ContinueFrom(latest.Token);
                var seen = (await request.Reader.FindLatestAsync(MetricViewer.ForMember(members[writer]), members[writer], squat))?.Value.Amount ?? 0;
                Interlocked.Increment(ref carriedReads);
                if (seen < latest.Round)
                {
                    misses.Enqueue($"reader {reader} with writer {writer}'s token of round {latest.Round} saw {seen}");
                }
            }
        }

        try
        {
            await Task.WhenAll([.. Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w))), .. Enumerable.Range(0, Readers).Select(r => Task.Run(() => ReadAsync(r)))]);
        }
        finally
        {
            await replay.DisposeAsync();
        }

        Assert.True(misses.IsEmpty, string.Join('\n', misses.Take(20)));
        Assert.True(staleStrangerReads > 0, "the paused standby never lagged behind a read without a token");
        Assert.True(carriedReads > 0, "no read carried a token");
        Assert.All(strangerRoutes, route => Assert.Equal("replica", route));

        // Replayed: every writer's last token now lets a request read its write from the standby.
        await database.WaitForReplayAsync();
        for (var writer = 0; writer < Writers; writer++)
        {
            await using var request = database.Scope();
            using var routes = new ReadRoutes(request);
            request.Get<IMetricReadSession>().ContinueFrom(published[writer].Token);
            Assert.Equal(Rounds, (await request.Reader.FindLatestAsync(MetricViewer.ForMember(members[writer]), members[writer], squat))!.Value.Amount);
            Assert.Equal("replica", routes.Last);
        }
    }
}
