using System.Text.RegularExpressions;

namespace MetricSets.Packaging.Tests;

/// <summary>
/// The three packages packed into a folder feed in a directory of this run's own, a private package cache, and the
/// nuget.config of a consumer: <c>MetricSets*</c> from the feed only (package source mapping), everything else from the
/// sources this machine has configured (its mirror of nuget.org).
/// </summary>
public sealed partial class PackageFeed : IAsyncLifetime
{
    public static readonly string[] Packages = ["MetricSets", "MetricSets.EntityFrameworkCore", "MetricSets.AspNetCore"];

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public string Root { get; } = Directory.CreateTempSubdirectory("metricsets-consumer-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string PackageCache => Path.Combine(Root, "packages");

    public string Version { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageCache };

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var package in Packages)
        {
            // --no-build: the packages of exactly the outputs this test run was built from.
            var packed = await Dotnet.RunAsync(RepositoryRoot, null, "pack", Path.Combine("src", package, $"{package}.csproj"), "-c", Configuration, "--no-build", "-o", Feed);
            Assert.True(packed.ExitCode == 0, $"dotnet pack {package} failed: {packed}");
        }

        Version = VersionPattern().Match(Path.GetFileName(Directory.GetFiles(Feed, "MetricSets.AspNetCore.*.nupkg").Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal)))).Groups[1].Value;
    }

    /// <summary>Copies a directory into the run's own and writes the consumer's nuget.config beside it.</summary>
    public async Task<string> PrepareAsync(string name, Action<string> fill)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        fill(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), await NuGetConfigAsync());
        return directory;
    }

    /// <summary>Restores and builds a consumer project with the private cache, passing the packed version.</summary>
    public Task<Dotnet.Result> BuildAsync(string directory) =>
        Dotnet.RunAsync(directory, Environment, "build", "-c", "Release", $"-p:MetricSetsVersion={Version}", "-nodeReuse:false");

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> NuGetConfigAsync()
    {
        // The machine's enabled sources ("E https://…" in the short format) carry everything but MetricSets*.
        var sources = await Dotnet.RunAsync(RepositoryRoot, null, "nuget", "list", "source", "--format", "short");
        var upstream = sources.Output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("E ", StringComparison.Ordinal)).Select(line => line[2..].Trim()).ToList();
        Assert.True(upstream.Count > 0, $"no enabled NuGet source is configured: {sources}");
        var adds = string.Join("\n", upstream.Select((url, i) => $"""    <add key="upstream{i}" value="{url}" />"""));
        var maps = string.Join("\n", upstream.Select((_, i) => $"""    <packageSource key="upstream{i}"><package pattern="*" /></packageSource>"""));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="metricsets-feed" value="{Feed}" />
            {adds}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="metricsets-feed"><package pattern="MetricSets" /><package pattern="MetricSets.*" /></packageSource>
            {maps}
              </packageSourceMapping>
            </configuration>
            """;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MetricSets.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MetricSets.sln) is not above the test's directory.");
    }

    [GeneratedRegex(@"^MetricSets\.AspNetCore\.(.+)\.nupkg$")]
    private static partial Regex VersionPattern();
}
