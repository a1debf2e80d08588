using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using MetricSets.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// What a read costs before any query: <c>SELECT 1</c> on a pooled raw connection, against the same through a fresh DI
/// scope and DbContext (what every library read does: <c>AddDbContext</c>, as the README wires it), and through a pooled
/// context (<c>AddDbContextPool</c>). Explains the fixed part of the library/raw ratios.
/// </summary>
public class RequestOverheadBenchmarks : ReadBenchmark
{
    private ServiceProvider? _pooled;

    /// <summary>Gets the depths: 10 only (the table is not read).</summary>
    public static IEnumerable<int> OverheadDepthValues => [10];

    /// <inheritdoc />
    [ParamsSource(nameof(OverheadDepthValues))]
    public override int Depth { get; set; }

    /// <summary>SELECT 1 on a pooled raw connection.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = Raw.CreateCommand("SELECT 1");
        return (int)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    /// <summary>SELECT 1 on the connection of a fresh scope's DbContext, opened and closed as the library's SqlRunner does.</summary>
    [Benchmark]
    public async Task<int> ScopedContext()
    {
        await using var scope = CreateScope();
        return await SelectOneAsync(Context(scope)).ConfigureAwait(false);
    }

    /// <summary>The same with a pooled DbContext.</summary>
    [Benchmark]
    public async Task<int> PooledContext()
    {
        await using var scope = _pooled!.CreateAsyncScope();
        return await SelectOneAsync(Context(scope)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task SetupAsync()
    {
        var services = new ServiceCollection();
        var connectionString = await BenchServer.ConnectionStringForAsync(Shape.DatabaseName).ConfigureAwait(false);
        services.AddDbContextPool<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        _pooled = services.BuildServiceProvider();
    }

    private static async Task<int> SelectOneAsync(BenchDbContext context)
    {
        await context.Database.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", (NpgsqlConnection)context.Database.GetDbConnection());
            return (int)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
