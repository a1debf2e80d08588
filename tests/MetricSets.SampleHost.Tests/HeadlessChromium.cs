using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MetricSets.SampleHost.Tests;

/// <summary>
/// Headless Chromium (Debian's package) on one page, driven over the DevTools protocol: the tests evaluate script in the
/// page (read the DOM, fill a form, click) as a person would act, and wait for what the page shows. Loopback only.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> OpenAsync(Uri page)
    {
        var profile = Directory.CreateTempSubdirectory("metricsets-chromium-").FullName;
        var start = new ProcessStartInfo(FindChromium()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,1600", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", $"--user-data-dir={profile}", page.ToString(),
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var chromium = new HeadlessChromium(Process.Start(start)!, profile);
        _ = chromium._process.StandardOutput.ReadToEndAsync();
        _ = chromium._process.StandardError.ReadToEndAsync();
        try
        {
            await chromium.ConnectAsync();
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    /// <summary>Evaluates a script expression in the page (awaiting a promise) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var id = ++_nextId;
        var message = new JsonObject
        {
            ["id"] = id,
            ["method"] = "Runtime.evaluate",
            ["params"] = new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true },
        };
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
        while (true)
        {
            var reply = await ReceiveAsync(timeout.Token);
            if (reply.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                var result = reply.GetProperty("result");
                if (result.TryGetProperty("exceptionDetails", out var exception))
                {
                    throw new InvalidOperationException($"The page threw: {exception}");
                }

                return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> (a script expression) is true in the page; one that throws (the page is still loading) is not yet true.</summary>
    public async Task WaitForAsync(string condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await EvaluateAsync($"(() => {{ try {{ return Boolean({condition}); }} catch {{ return false; }} }})()")).ValueKind != JsonValueKind.True)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page never showed: {condition}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<string> DomAsync() => (await EvaluateAsync("document.documentElement.outerHTML")).GetString()!;

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    private async Task ConnectAsync()
    {
        // Chromium writes the port it chose to DevToolsActivePort in its profile.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Patience;
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile)).Length < 2)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Chromium did not start its DevTools endpoint.");
            }

            await Task.Delay(100);
        }

        var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"))).RootElement;
        var page = targets.EnumerateArray().First(target => target.GetProperty("type").GetString() == "page");
        await _socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
    }

    private async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(chunk, cancellationToken);
            buffer.Write(chunk, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static string FindChromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium, or set CHROMIUM_PATH. The README's test command installs it.");
}
