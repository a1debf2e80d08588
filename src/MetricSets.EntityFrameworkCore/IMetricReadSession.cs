namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Read-your-writes across a replica, for one DI scope (one request): what the scope wrote through the library, and any
/// position carried over from an earlier request, decides whether its reads may go to the replica
/// (<see cref="MetricSetsOptions.Replicas"/>). Registered as a scoped service by <c>AddMetricSets</c>.
/// </summary>
/// <remarks>
/// <para>
/// Within a scope nothing is needed: after a write, the scope's reads see it. To carry that guarantee to a later request
/// (the page shown after a form is posted, say), give the client the scope's token at the end of the request that wrote
/// and hand it back with <see cref="ContinueFrom"/> at the start of the next, as a cookie or a header; Azure Cosmos DB's
/// session tokens work the same way.
/// </para>
/// <para>
/// The token is a PostgreSQL WAL position (<c>pg_lsn</c> as text, such as <c>16/B374D848</c>): it says how far the
/// primary's log had got, nothing about anyone's data. A client that alters it can only make its own reads go to the
/// primary (a later position) or see the replica's state (an earlier one, as a client with no token does); access is
/// decided on every read as always. A host may also hand over a position of its own writes (for example a membership it
/// just ended: <c>SELECT pg_current_wal_insert_lsn()</c> after the commit), so the library's reads see them too.
/// </para>
/// <para>
/// Without a replica the session keeps a continued token and gives it back unchanged, and never queries the database, so a
/// host can wire the token through once, whether or not replicas are configured. Not thread-safe, like the scope's context.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// app.Use(async (http, next) =&gt;
/// {
///     var session = http.RequestServices.GetRequiredService&lt;IMetricReadSession&gt;();
///     session.ContinueFrom(http.Request.Cookies["metricsets-position"]);
///     http.Response.OnStarting(async () =&gt;
///     {
///         if (await session.GetTokenAsync() is { } token) http.Response.Cookies.Append("metricsets-position", token);
///     });
///     await next(http);
/// });
/// </code>
/// </example>
public interface IMetricReadSession
{
    /// <summary>
    /// Makes this scope's reads see at least what <paramref name="token"/> covers: the reads go to the replica only once
    /// it has replayed that far. Keeps the later of this and what the scope already covers.
    /// </summary>
    /// <param name="token">A token from <see cref="GetTokenAsync"/>, or <see langword="null"/> or empty for none.</param>
    /// <exception cref="MetricValidationException">The token is not a WAL position (<c>X/Y</c>, hexadecimal).</exception>
    void ContinueFrom(string? token);

    /// <summary>
    /// Returns the token that covers everything this scope wrote through the library (and what it continued from), to hand
    /// to a later request; <see langword="null"/> when there is nothing to carry. After a write the first call asks the
    /// primary for its position (<c>pg_current_wal_insert_lsn()</c>, one round trip) unless a read of the scope has
    /// already learnt it; later calls answer from memory. Ask after the host's transaction has committed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">The host's context is inside a transaction, whose commit is still to come.</exception>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
