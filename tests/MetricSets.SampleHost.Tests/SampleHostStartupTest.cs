namespace MetricSets.SampleHost.Tests;

/// <summary>The sample host reads its database from configuration only, and says what to do when it is missing.</summary>
public sealed class SampleHostStartupTest
{
    [Fact]
    public void Starting_without_a_connection_string_fails_naming_the_setting_and_run_sh()
    {
        using var factory = SampleHostFixture.Start(connectionString: string.Empty);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var cause = Assert.IsType<InvalidOperationException>(error.GetBaseException());
        Assert.Contains("ConnectionStrings:MetricSets", cause.Message, StringComparison.Ordinal);
        Assert.Contains("bash samples/run.sh", cause.Message, StringComparison.Ordinal);
    }
}
