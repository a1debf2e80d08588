using System.IO.Compression;
using System.Xml.Linq;

namespace MetricSets.Packaging.Tests;

/// <summary>
/// The packages as a consumer gets them: each carries its readme, XML docs and a symbols package; a host restores them
/// from the feed alone, builds warning-free and runs a smoke flow on PostgreSQL; the documents' snippets compile.
/// </summary>
public sealed class PackageConsumerTest(PackageFeed feed) : IClassFixture<PackageFeed>
{
    public static TheoryData<string> PackageNames => [.. PackageFeed.Packages];

    [Theory]
    [MemberData(nameof(PackageNames))]
    public void Each_package_carries_its_readme_xml_docs_and_a_symbols_package(string package)
    {
        var nupkg = Path.Combine(feed.Feed, $"{package}.{feed.Version}.nupkg");
        var snupkg = Path.Combine(feed.Feed, $"{package}.{feed.Version}.snupkg");

        using (var archive = ZipFile.OpenRead(nupkg))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("README.md", entries);
            Assert.Contains($"lib/net10.0/{package}.dll", entries);
            Assert.Contains($"lib/net10.0/{package}.xml", entries);
            var nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
            Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
            Assert.Contains(metadata.Elements(), e => e.Name.LocalName == "repository" && e.Attribute("commit") is not null);
            var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
            if (package != "MetricSets")
            {
                Assert.Contains("MetricSets", dependencies);
            }

            if (package == "MetricSets.AspNetCore")
            {
                Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "frameworkReference" && e.Attribute("name")?.Value == "Microsoft.AspNetCore.App");
            }
        }

        Assert.True(File.Exists(snupkg), $"{snupkg} is missing");
        using var symbols = ZipFile.OpenRead(snupkg);
        Assert.Contains($"lib/net10.0/{package}.pdb", symbols.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task A_host_restores_the_packages_from_the_feed_builds_without_warnings_and_runs_its_smoke_flow()
    {
        var consumer = await feed.PrepareAsync("consumer", directory =>
        {
            foreach (var file in Directory.GetFiles(Path.Combine(PackageFeed.RepositoryRoot, "tests", "consumer", "MetricSets.Consumer")))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }
        });

        var build = await feed.BuildAsync(consumer);

        Assert.True(build.ExitCode == 0, $"the consumer does not build: {build}");
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
        foreach (var package in PackageFeed.Packages)
        {
            // Restored into the private cache from the folder feed, never from anywhere else.
            var metadata = await File.ReadAllTextAsync(Path.Combine(feed.PackageCache, package.ToLowerInvariant(), feed.Version, ".nupkg.metadata"));
            Assert.Contains(feed.Feed.Replace("\\", "\\\\", StringComparison.Ordinal), metadata, StringComparison.Ordinal);
        }

        var database = await TestServer.CreateEmptyDatabaseAsync("metricsets_consumer");
        var run = await Dotnet.RunAsync(
            consumer,
            new Dictionary<string, string> { ["ConnectionStrings__Consumer"] = database },
            Path.Combine("bin", "Release", "net10.0", "MetricSets.Consumer.dll"));

        Assert.True(run.ExitCode == 0, $"the consumer's smoke flow failed: {run}");
        Assert.Contains("consumer smoke flow: every step passed", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/aspnetcore.md")]
    public async Task The_csharp_snippets_of_a_document_compile_against_the_packages(string document)
    {
        var snippets = MarkdownSnippets.Extract(await File.ReadAllTextAsync(Path.Combine(PackageFeed.RepositoryRoot, document)));
        var programs = snippets.Where(s => s.HasTopLevelStatements).ToList();
        Assert.NotEmpty(snippets);
        Assert.True(programs.Count <= 1, $"{document}: at most one block may hold top-level statements; these do (lines): {string.Join(", ", programs.Select(p => p.Line))}");

        var project = await feed.PrepareAsync($"snippets-{Path.GetFileNameWithoutExtension(document)}", directory =>
        {
            File.WriteAllText(Path.Combine(directory, "Snippets.csproj"), SnippetProject(programs.Count == 1 ? "Exe" : "Library"));
            foreach (var snippet in snippets)
            {
                // Each file says where it came from, so that a compile error points back at the document's line.
                File.WriteAllText(Path.Combine(directory, $"Line{snippet.Line:D4}.cs"), $"// {document}, line {snippet.Line}\n{snippet.Code}");
            }
        });

        var build = await feed.BuildAsync(project);

        Assert.True(build.ExitCode == 0, $"the C# blocks of {document} do not compile against the packages (files are named by the line of their block): {build}");
    }

    [Fact]
    public void Only_csharp_blocks_are_compiled_and_top_level_statements_are_told_from_declarations()
    {
        const string markdown = """
            Text.

            ```csharp
            using MetricSets;

            var builder = WebApplication.CreateBuilder(args);
            ```

            ```csharp-fragment
            ValueTask<MetricViewer?> ResolveAsync(HttpContext context);
            ```

            - In a list:

              ```csharp
              // A type.
              public sealed class Indented
              {
              }
              ```

            ```bash
            dotnet build
            ```
            """;

        var snippets = MarkdownSnippets.Extract(markdown);

        Assert.Equal(2, snippets.Count);
        Assert.True(snippets[0].HasTopLevelStatements);
        Assert.False(snippets[1].HasTopLevelStatements);
        Assert.StartsWith("// A type.\npublic sealed class Indented\n{\n}", snippets[1].Code, StringComparison.Ordinal);
        Assert.Equal(3, snippets[0].Line);
    }

    private static string SnippetProject(string outputType) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>{outputType}</OutputType>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="MetricSets.EntityFrameworkCore" Version="$(MetricSetsVersion)" />
            <PackageReference Include="MetricSets.AspNetCore" Version="$(MetricSetsVersion)" />
          </ItemGroup>
        </Project>
        """;
}
