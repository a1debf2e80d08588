using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// A read measured through the library twice: with the context from <c>AddDbContext</c> (a fresh context per call) and
/// from <c>AddDbContextPool</c>. Each subclass says what the read is and adds its raw baseline and naive-EF variant.
/// </summary>
public abstract class LibraryReadBenchmark : ReadBenchmark
{
    /// <summary>The library's service, in a fresh DI scope with a context from <c>AddDbContext</c>.</summary>
    [Benchmark]
    public Task<int> Library() => InScopeAsync(CreateScope());

    /// <summary>The same call with the context from <c>AddDbContextPool</c>.</summary>
    [Benchmark]
    public Task<int> LibraryPooled() => InScopeAsync(CreatePooledScope());

    /// <summary>Runs the read through the library's service from <paramref name="services"/>; returns the rows read.</summary>
    protected abstract Task<int> ReadWithLibraryAsync(IServiceProvider services);

    private async Task<int> InScopeAsync(AsyncServiceScope scope)
    {
        await using var disposable = scope.ConfigureAwait(false);
        return await ReadWithLibraryAsync(scope.ServiceProvider).ConfigureAwait(false);
    }
}
