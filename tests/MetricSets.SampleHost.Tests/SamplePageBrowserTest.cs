using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MetricSets.SampleHost.Tests;

/// <summary>
/// The page in a real browser: headless Chromium loads <c>/</c> from the sample host on a loopback port and runs its
/// script against the package's endpoints; the tests read what it shows and act on it as a gym's coach would.
/// </summary>
public sealed partial class SamplePageBrowserTest(SampleHostFixture host) : IClassFixture<SampleHostFixture>
{
    [Fact]
    public async Task The_page_shows_latest_and_best_side_by_side_durations_as_durations_and_a_chart_in_Hebrew_right_to_left()
    {
        await using var page = await OpenAsync("?lang=he");
        var dom = await page.DomAsync();

        Assert.Matches("<html[^>]*dir=\"rtl\"", dom);
        Assert.Contains("1RM סקוואט אחורי", dom, StringComparison.Ordinal);
        Assert.Contains("Strength Benchmarks", dom, StringComparison.Ordinal);
        Assert.Equal(6, RowPattern().Count(dom));
        var row = await Cells(page, "row_2000m_time");
        Assert.Equal(["8:00", "8:00"], row[1..3]); // Dana's latest 2,000 m row is her best: 480 s
        var squat = await Cells(page, "back_squat_1rm");
        Assert.Equal("80.1 kg", squat[1]); // 176.5 lb, one decimal
        Assert.Equal("80.1 kg", squat[2]);
        var points = PolylinePattern().Match(dom);
        Assert.True(points.Success, "no chart line rendered");
        Assert.True(points.Groups[1].Value.Split(' ').Length >= 5, "the chart has fewer than 5 points");
    }

    [Fact]
    public async Task The_page_speaks_Russian_left_to_right_in_imperial_units()
    {
        await using var page = await OpenAsync("?lang=ru&units=imperial");
        var dom = await page.DomAsync();

        Assert.Matches("<html[^>]*dir=\"ltr\"", dom);
        Assert.Contains("1ПМ присед со штангой на спине", dom, StringComparison.Ordinal);
        Assert.Contains("176,5 lb", dom, StringComparison.Ordinal);
        Assert.Contains("Личный рекорд", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_sees_the_gyms_leaderboard_and_a_member_is_told_it_is_for_staff()
    {
        await using var coach = await OpenAsync($"?lang=en&viewer={host.Demo.Person("Coach Maya")}");
        await coach.WaitForAsync("document.querySelectorAll('#leaderboard tbody tr').length > 0");
        var names = await coach.EvaluateAsync("[...document.querySelectorAll('#leaderboard tbody tr td:nth-child(2)')].map(td => td.textContent)");

        await using var member = await OpenAsync($"?lang=en&viewer={host.Demo.Person("Dana Levi")}&member={host.Demo.Person("Dana Levi")}");
        await member.WaitForAsync("!document.getElementById('leaderboard-note').hidden");

        Assert.Equal(["Yossi Cohen", "Dana Levi"], names.EnumerateArray().Select(n => n.GetString()!).ToArray()[..2]);
        Assert.Contains("staff", (await member.EvaluateAsync("document.getElementById('leaderboard-note').textContent")).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_records_a_duration_typed_as_minutes_and_seconds()
    {
        // Yossi, whose earlier rows were recorded in Haifa and are not Tel Aviv's to see: the new one is his latest and best.
        await using var page = await OpenAsync($"?lang=en&member={host.Demo.Person("Yossi Cohen")}");
        var row = (await page.EvaluateAsync("[...document.querySelectorAll('#metrics tbody tr')].find(r => r.textContent.includes('2,000 m Row')).dataset.definition")).GetString();

        await page.EvaluateAsync($$"""
            (() => {
              const select = document.getElementById('record-definition');
              select.value = '{{row}}'; select.dispatchEvent(new Event('change'));
              document.getElementById('record-amount').value = '7:55';
              document.querySelector('#record button[type=submit]').click();
            })()
            """);
        await page.WaitForAsync("document.getElementById('record-status').textContent.startsWith('Recorded')");
        await page.WaitForAsync($"document.querySelector('#metrics tr[data-definition=\"{row}\"] td.latest').textContent === '7:55'");

        Assert.Equal("Recorded: 7:55", (await page.EvaluateAsync("document.getElementById('record-status').textContent")).GetString());
        Assert.Equal(["7:55", "7:55"], (await Cells(page, row!, byId: true))[1..3]);
    }

    [Fact]
    public async Task An_import_of_250_rows_shows_its_progress_and_its_outcome()
    {
        await using var page = await OpenAsync($"?lang=en&member={host.Demo.Person("Dana Levi")}");
        var dana = host.Demo.Person("Dana Levi");
        var csv = "memberId,slug,amount,unit,recordedAt,source\n" + string.Join('\n', Enumerable.Range(0, 250).Select(i => string.Create(
            CultureInfo.InvariantCulture, $"{dana},max_pull_ups,{5 + (i % 20)},reps,{DateTimeOffset.UtcNow.AddDays(-400 + i):yyyy-MM-ddTHH:mm:ssZ},coach_input")));

        await page.EvaluateAsync($"document.getElementById('import-text').value = {JsonSerializer.Serialize(csv)}; document.getElementById('import-start').click()");
        await page.WaitForAsync("document.getElementById('import-status').dataset.done");

        Assert.Equal("Imported: 250 rows — 250 new, 0 already there", (await page.EvaluateAsync("document.getElementById('import-status').textContent")).GetString());
        Assert.Equal(250, (await page.EvaluateAsync("document.getElementById('import-progress').value")).GetInt32());
        Assert.Equal(250, (await page.EvaluateAsync("document.getElementById('import-progress').max")).GetInt32());
    }

    [Fact]
    public async Task An_import_with_a_bad_row_names_its_line_and_writes_nothing()
    {
        await using var page = await OpenAsync("?lang=en");
        var dana = host.Demo.Person("Dana Levi");
        var before = await DatabaseFixture.Attach(host.ConnectionString).CountAsync("member_metrics");
        var csv = $"memberId,slug,amount,unit,recordedAt,source\n{dana},max_pull_ups,12,reps,,coach_input\n{dana},max_pull_ups,12,kg,,coach_input";

        await page.EvaluateAsync($"document.getElementById('import-text').value = {JsonSerializer.Serialize(csv)}; document.getElementById('import-start').click()");
        await page.WaitForAsync("document.getElementById('import-status').dataset.done === 'error'");

        Assert.StartsWith("row 2 (value)", (await page.EvaluateAsync("document.getElementById('import-status').textContent")).GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFixture.Attach(host.ConnectionString).CountAsync("member_metrics"));
    }

    private async Task<HeadlessChromium> OpenAsync(string query)
    {
        var page = await HeadlessChromium.OpenAsync(new Uri(host.BrowserAddress!, "/" + query));
        try
        {
            await page.WaitForAsync("document.body.dataset.ready === 'true'");
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    // The texts of a metric's row: name, latest, personal best, date. By slug: the row whose definition has that slug.
    private async Task<string[]> Cells(HeadlessChromium page, string definition, bool byId = false)
    {
        var id = byId ? definition : await DefinitionIdAsync(definition);
        var cells = await page.EvaluateAsync($"[...document.querySelectorAll('#metrics tr[data-definition=\"{id}\"] td')].map(td => td.textContent)");
        return [.. cells.EnumerateArray().Select(c => c.GetString()!)];
    }

    private async Task<string> DefinitionIdAsync(string slug)
    {
        using var client = host.Factory.CreateClient();
        var catalog = await client.GetFromJsonAsync<JsonElement>("/catalog");
        return catalog.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == slug).GetProperty("id").GetString()!;
    }

    [GeneratedRegex("<tr data-definition=")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<polyline class=\"line\" points=\"([^\"]+)\"")]
    private static partial Regex PolylinePattern();
}
