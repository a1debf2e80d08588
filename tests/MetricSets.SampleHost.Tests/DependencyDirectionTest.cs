namespace MetricSets.SampleHost.Tests;

/// <summary>
/// Dependencies point one way: tests use the sample and the shared fixtures (MetricSets.Testing*); the sample uses
/// neither tests nor harness, and one test project never uses another.
/// </summary>
public sealed class DependencyDirectionTest
{
    [Fact]
    public void The_sample_host_uses_no_test_harness_or_test_framework()
    {
        var references = ReferencedNames(typeof(Program));

        Assert.DoesNotContain(references, name => name.StartsWith("MetricSets.Testing", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.EndsWith("Tests", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("xunit", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sample_tests_use_the_shared_fixtures_and_no_other_test_project()
    {
        var references = ReferencedNames(typeof(DependencyDirectionTest));

        Assert.Contains("MetricSets.Testing", references);
        Assert.DoesNotContain(references, name => name.EndsWith("Tests", StringComparison.Ordinal));
    }

    private static List<string> ReferencedNames(Type type) =>
        [.. type.Assembly.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty)];
}
