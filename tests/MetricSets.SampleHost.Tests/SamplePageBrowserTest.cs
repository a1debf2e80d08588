using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MetricSets.SampleHost.Tests;

/// <summary>
/// The page in a real browser: headless Chromium (Debian's package, installed by the test command) loads <c>/</c> from
/// the sample host on a loopback port, runs its script, and the rendered DOM shows the resolved set and the chart.
/// </summary>
public sealed partial class SamplePageBrowserTest(SampleHostFixture host) : IClassFixture<SampleHostFixture>
{
    [Fact]
    public async Task The_page_shows_a_resolved_set_and_a_history_chart_in_Hebrew_right_to_left()
    {
        var dom = await RenderAsync("?lang=he");

        Assert.Contains("data-ready=\"true\"", dom, StringComparison.Ordinal);
        Assert.Matches("<html[^>]*dir=\"rtl\"", dom);
        Assert.Contains("1RM סקוואט אחורי", dom, StringComparison.Ordinal);
        Assert.Contains("Strength Benchmarks", dom, StringComparison.Ordinal);
        Assert.Equal(6, RowPattern().Count(dom));
        var points = PolylinePattern().Match(dom);
        Assert.True(points.Success, "no chart line rendered");
        Assert.True(points.Groups[1].Value.Split(' ').Length >= 5, "the chart has fewer than 5 points");
    }

    [Fact]
    public async Task The_page_speaks_Russian_left_to_right()
    {
        var dom = await RenderAsync("?lang=ru&units=imperial");

        Assert.Matches("<html[^>]*dir=\"ltr\"", dom);
        Assert.Contains("1ПМ присед со штангой на спине", dom, StringComparison.Ordinal);
        Assert.Contains(" lb", dom, StringComparison.Ordinal);
    }

    private async Task<string> RenderAsync(string query)
    {
        var chromium = FindChromium();
        var profile = Directory.CreateTempSubdirectory("metricsets-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--virtual-time-budget=15000", "--dump-dom",
                new Uri(host.BrowserAddress!, "/" + query).ToString(),
            ])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return await dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string FindChromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium, or set CHROMIUM_PATH. The README's test command installs it.");

    [GeneratedRegex("<tr data-definition=")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<polyline class=\"line\" points=\"([^\"]+)\"")]
    private static partial Regex PolylinePattern();
}
