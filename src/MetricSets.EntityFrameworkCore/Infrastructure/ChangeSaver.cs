using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Saves the host context's pending MetricSets changes and turns the PostgreSQL errors our constraints raise into the
/// library's typed errors. On failure the changes are withdrawn from the change tracker, so the host's context is left
/// as it was before the call and nothing was written.
/// </summary>
internal static class ChangeSaver
{
    /// <summary>The SQLSTATE of a unique or primary key violation.</summary>
    public const string UniqueViolation = PostgresErrorCodes.UniqueViolation;

    /// <summary>The SQLSTATE of a foreign key violation.</summary>
    public const string ForeignKeyViolation = PostgresErrorCodes.ForeignKeyViolation;

    /// <summary>Saves, mapping a <see cref="PostgresException"/> through <paramref name="translate"/> when it returns an error.</summary>
    public static async Task SaveAsync(
        DbContext context, Func<PostgresException, MetricSetsException?> translate, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception)
        {
            Withdraw(context);
            if (exception.InnerException is PostgresException postgres && translate(postgres) is { } error)
            {
                throw error;
            }

            throw;
        }
    }

    private static void Withdraw(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is not (MetricDefinition or MetricSet or MetricSetEntry or MemberMetric))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    entry.State = EntityState.Detached;
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    entry.CurrentValues.SetValues(entry.OriginalValues);
                    entry.State = EntityState.Unchanged;
                    break;
            }
        }
    }
}
