namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Where the host's memberships live in its own database, at <see cref="MetricSetsOptions.Memberships"/>. Once described,
/// the library decides access inside the statement that reads or writes: one round trip per request, and the check and
/// the read see the same snapshot, so a membership ended between the two cannot be read.
/// </summary>
/// <remarks>
/// <para>
/// A membership row says that a user holds a role in an organization. A user is an active member of an organization
/// when an active row gives them one of <see cref="MemberRoles"/> there, and confirmed staff when one gives them one of
/// <see cref="StaffRoles"/>; the role column is compared as text, so it may be <c>text</c>, an enum or a number. Staff
/// need no member row. Rows are active unless <see cref="ActiveWhere"/> narrows them.
/// </para>
/// <para>
/// The library answers the questions of <see cref="IMembershipDirectory"/> from the same rows when it needs them outside
/// a statement (for the host's own <see cref="IMetricAccessHandler"/>s, deletions, set management and bulk recording),
/// so the host registers no directory. A host whose memberships live elsewhere (another service, a cache) leaves this
/// unset and registers its <see cref="IMembershipDirectory"/> instead.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddMetricSets&lt;GymDbContext&gt;(o =&gt; o.Memberships
///     .UseEntity&lt;Membership&gt;()
///     .HasColumns(user: "user_id", organization: "gym_id", role: "role")
///     .HasRoles(staff: ["coach", "owner"], members: ["athlete"])
///     .ActiveWhere("ended_at IS NULL")
///     .WorkoutsBelongTo("gym_id"));
/// </code>
/// </example>
public sealed class MetricSetsMembershipTable
{
    internal MetricSetsMembershipTable()
    {
    }

    /// <summary>Gets whether the memberships are described, by <see cref="ToTable"/> or <see cref="UseEntity{TEntity}"/>.</summary>
    public bool IsMapped => TableName is not null || EntityType is not null;

    /// <summary>Gets the memberships table's name, or <see langword="null"/> when it comes from <see cref="EntityType"/>.</summary>
    public string? TableName { get; private set; }

    /// <summary>Gets the table's schema, or <see langword="null"/> for the model's default (or the entity's).</summary>
    public string? Schema { get; private set; }

    /// <summary>Gets the host entity type that maps the memberships table, or <see langword="null"/>.</summary>
    public Type? EntityType { get; private set; }

    /// <summary>Gets the column holding the user's id (<c>uuid</c>); <c>user_id</c> by default.</summary>
    public string UserColumn { get; private set; } = "user_id";

    /// <summary>Gets the column holding the organization's id (<c>uuid</c>); <c>organization_id</c> by default.</summary>
    public string OrganizationColumn { get; private set; } = "organization_id";

    /// <summary>Gets the column holding the role; <c>role</c> by default.</summary>
    public string RoleColumn { get; private set; } = "role";

    /// <summary>Gets the role values that make a user staff of the organization; <c>staff</c> by default.</summary>
    public IReadOnlyList<string> StaffRoles { get; private set; } = ["staff"];

    /// <summary>Gets the role values that make a user an active member of the organization; <c>member</c> by default.</summary>
    public IReadOnlyList<string> MemberRoles { get; private set; } = ["member"];

    /// <summary>Gets the SQL condition a membership row must meet to count, or <see langword="null"/> when every row counts.</summary>
    public string? ActivePredicate { get; private set; }

    /// <summary>
    /// Gets the column of the host's workouts table (the one the metric sets' foreign key references) that holds the
    /// workout's organization, or <see langword="null"/> when workouts belong to no organization the library can see (then
    /// only the host's handlers can let anyone see a workout's sets).
    /// </summary>
    public string? WorkoutOrganizationColumn { get; private set; }

    /// <summary>Names the memberships table, which the host's model need not map.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for the model's default schema.</param>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsMembershipTable ToTable(string tableName, string? schema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        (TableName, Schema, EntityType) = (tableName, schema, null);
        return this;
    }

    /// <summary>
    /// Takes the memberships table from the host's own entity type; start-up validation then checks the columns against
    /// its mapping.
    /// </summary>
    /// <typeparam name="TEntity">The host's membership entity, mapped by the context given to <c>AddMetricSets</c>.</typeparam>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsMembershipTable UseEntity<TEntity>()
        where TEntity : class
    {
        (TableName, Schema, EntityType) = (null, null, typeof(TEntity));
        return this;
    }

    /// <summary>Names the columns (as in the database, not the entity's property names).</summary>
    /// <param name="user">The user id column.</param>
    /// <param name="organization">The organization id column.</param>
    /// <param name="role">The role column.</param>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsMembershipTable HasColumns(string user = "user_id", string organization = "organization_id", string role = "role")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(organization);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        (UserColumn, OrganizationColumn, RoleColumn) = (user, organization, role);
        return this;
    }

    /// <summary>Says which role values make staff and which make active members; start-up validation refuses a value in both.</summary>
    /// <param name="staff">The staff roles, for example <c>coach</c> and <c>owner</c>.</param>
    /// <param name="members">The member roles, for example <c>member</c>.</param>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsMembershipTable HasRoles(IEnumerable<string> staff, IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(members);
        (StaffRoles, MemberRoles) = ([.. staff], [.. members]);
        return this;
    }

    /// <summary>
    /// Counts only the membership rows that meet <paramref name="sqlPredicate"/>, a SQL condition over the memberships
    /// table's own columns written unqualified, for example <c>ended_at IS NULL</c> or <c>status = 'active'</c>. It is
    /// part of every statement's text, so it comes from the host's code, never from a request.
    /// </summary>
    /// <param name="sqlPredicate">The condition.</param>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsMembershipTable ActiveWhere(string sqlPredicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlPredicate);
        ActivePredicate = sqlPredicate;
        return this;
    }

    /// <summary>Names the column of the host's workouts table that holds the organization a workout belongs to.</summary>
    /// <param name="organizationColumn">The column, for example <c>organization_id</c>.</param>
    /// <returns>This instance, for chaining.</returns>
    public MetricSetsMembershipTable WorkoutsBelongTo(string organizationColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationColumn);
        WorkoutOrganizationColumn = organizationColumn;
        return this;
    }
}
