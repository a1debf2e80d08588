using Npgsql;

namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>Transient failures reach a caller as EF Core surfaces them for its own queries: wrapped by the execution strategy.</summary>
public static class TransientErrors
{
    /// <summary>Asserts that <paramref name="error"/> is, or wraps, a transient <see cref="NpgsqlException"/>, and returns it.</summary>
    public static NpgsqlException AssertTransient(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException npgsql)
            {
                Assert.True(npgsql.IsTransient, $"{npgsql.GetType().Name} is not transient: {npgsql.Message}");
                return npgsql;
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected a transient NpgsqlException inside {error}");
    }
}
