namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Where one of the host application's tables (users, workouts or organizations) lives, so that the MetricSets
/// foreign keys can point at it.
/// </summary>
/// <remarks>
/// <para>
/// By default the table is referenced by name only: MetricSets adds a minimal entity type for it that is excluded from
/// migrations, so the host's migration creates the foreign key but never the table.
/// </para>
/// <para>
/// When the host's own <see cref="Microsoft.EntityFrameworkCore.DbContext"/> maps that table, call
/// <see cref="UseEntity{TEntity}"/> instead: two entity types cannot share a table, and the foreign key then points at
/// the host's entity, whose primary key must be a single <see cref="Guid"/>.
/// </para>
/// </remarks>
public sealed class MetricSetsHostTable
{
    internal MetricSetsHostTable(string defaultTableName) => TableName = defaultTableName;

    /// <summary>Gets the table name, for example <c>users</c>.</summary>
    public string TableName { get; private set; }

    /// <summary>Gets the table's schema, or <see langword="null"/> for the model's default schema.</summary>
    public string? Schema { get; private set; }

    /// <summary>Gets the name of the table's <c>uuid</c> key column; <c>id</c> by default.</summary>
    public string KeyColumn { get; private set; } = "id";

    /// <summary>Gets the host entity type mapped to the table, or <see langword="null"/> when it is referenced by name.</summary>
    public Type? EntityType { get; private set; }

    /// <summary>References the table by name.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="keyColumn">The name of its <c>uuid</c> primary key column.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for the default.</param>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsHostTable ToTable(string tableName, string keyColumn = "id", string? schema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyColumn);
        (TableName, KeyColumn, Schema, EntityType) = (tableName, keyColumn, schema, null);
        return this;
    }

    /// <summary>Points the foreign keys at the host's own entity type, which the host maps itself.</summary>
    /// <typeparam name="TEntity">The host entity type; its primary key must be a single <see cref="Guid"/>.</typeparam>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsHostTable UseEntity<TEntity>()
        where TEntity : class
    {
        EntityType = typeof(TEntity);
        return this;
    }
}
