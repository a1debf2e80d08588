using System.Data.Common;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// A statement's access verdict, its first two columns (<c>access.granted, access.grant_orgs</c>): whether the read was
/// granted, and the organizations the grants were made in (<see langword="null"/> for a grant of everything).
/// </summary>
internal readonly record struct StatementGrant(bool Granted, Guid[]? GrantedIn)
{
    /// <summary>The columns, for a statement's select list.</summary>
    public const string Columns = "access.granted, access.grant_orgs";

    /// <summary>How many columns the verdict spans; a statement's own columns start there.</summary>
    public const int Count = 2;

    /// <summary>Reads the verdict from the current row.</summary>
    public static StatementGrant Read(DbDataReader reader) =>
        new(reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<Guid[]>(1));
}
