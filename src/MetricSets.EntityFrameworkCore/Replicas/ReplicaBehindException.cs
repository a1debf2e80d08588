namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// The replica has not yet replayed what the read must see (<see cref="PositionCheck.Required"/>): the read goes to the
/// primary. Never leaves the library.
/// </summary>
internal sealed class ReplicaBehindException() : Exception("The replica has not replayed the position the read requires.");
