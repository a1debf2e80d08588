using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MetricSets.EntityFrameworkCore;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// Every measurement of the MetricSets meter of one service provider (its <see cref="IMeterFactory"/>), observed
/// in-process with a <see cref="MeterListener"/>: the measurements of other tests' providers never mix in.
/// </summary>
public sealed class MeasurementCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeasurementCapture(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MetricSetsDiagnostics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Gets every measurement so far.</summary>
    public IReadOnlyList<Measurement> All => [.. _measurements];

    /// <summary>Returns the measurements of <paramref name="instrument"/> whose tags include all of <paramref name="tags"/>.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, object? Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument == instrument && tags.All(tag => m.Tags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value)))];

    /// <summary>Returns the sum of the measurements of <paramref name="instrument"/> with <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, new Dictionary<string, object?>(tags.ToArray())));

    /// <summary>One measurement: the instrument, its unit, the value and the tags.</summary>
    public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);
}
