namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>A <see cref="DatabaseFixture"/>-like handle on a database created for a provenance test.</summary>
public sealed class ProvenanceDatabase
{
    private readonly DatabaseFixture _database = new();

    public ProvenanceDatabase(string connectionString) => _database.UseConnectionString(connectionString);

    public string ConnectionString => _database.ConnectionString;

    public Task<UserId> AddUserAsync() => _database.AddUserAsync();

    public Task<OrganizationId> AddOrganizationAsync() => _database.AddOrganizationAsync();

    public Task<T> ScalarAsync<T>(string sql, params object[] parameters) => _database.ScalarAsync<T>(sql, parameters);
}
