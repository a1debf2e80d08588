using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MetricSets.SampleHost.Tests;

/// <summary>
/// The sample host, started in-process over a fresh, empty database on the test run's PostgreSQL (it migrates and seeds
/// it itself). <see cref="UseKestrel"/> makes it listen on a loopback port too, for the browser test.
/// </summary>
public sealed class SampleHostFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public Uri? BrowserAddress { get; private set; }

    public DemoDirectory Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_sample");
        var port = FreeLoopbackPort();
        Factory = Start(ConnectionString, host => host.UseUrls($"http://127.0.0.1:{port}"));
        Factory.UseKestrel();
        Factory.StartServer();
        BrowserAddress = Factory.ClientOptions.BaseAddress;
        Demo = (await Factory.CreateClient().GetFromJsonAsync<DemoDirectory>("/demo"))!;
    }

    public static WebApplicationFactory<Program> Start(string connectionString, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:MetricSets", connectionString);
            host.UseEnvironment("Development");
            configure?.Invoke(host);
        });

    public HttpClient ClientAs(string person)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Demo-User", Demo.Person(person).ToString());
        return client;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record DemoDirectory(List<DemoEntity> Organizations, List<DemoPerson> People, List<DemoSet> Sets)
{
    public Guid Organization(string name) => Organizations.Single(o => o.Name == name).Id;

    public Guid Person(string name) => People.Single(p => p.Name == name).Id;

    public Guid Set(string name) => Sets.First(s => s.Name == name).Id;
}

public sealed record DemoEntity(Guid Id, string Name);

public sealed record DemoPerson(Guid Id, string Name);

public sealed record DemoSet(Guid Id, string Name, string OwnerKind, Guid? OrganizationId, Guid? MemberId);
