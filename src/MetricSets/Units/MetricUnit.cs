using System.ComponentModel;
using System.Text.Json.Serialization;
using MetricSets.Serialization;

namespace MetricSets;

/// <summary>
/// The unit a value is recorded in. Stored as the PostgreSQL enum <c>metric_unit</c>, whose labels are the
/// <see cref="MetricUnitExtensions.Symbol(MetricUnit)"/> of each member, in declaration order.
/// </summary>
/// <remarks>
/// <para>
/// The first four members are the seed's (<c>kg</c>, <c>lb</c>, <c>%</c>, <c>seconds</c>); the rest complete the set a
/// gym platform needs. New members are only ever appended, because PostgreSQL can add enum labels but not remove them.
/// </para>
/// <para>Each unit belongs to one <see cref="UnitDimension"/>; see <see cref="MetricUnitExtensions.Dimension(MetricUnit)"/>.</para>
/// <para>
/// Text: the symbol is the unit's one string form. JSON (<see cref="MetricUnitJsonConverter"/>) is the symbol as a string,
/// such as <c>"kg"</c> or <c>"%"</c>, also as a dictionary key; the <see cref="TypeConverter"/> (MVC, configuration)
/// converts from and to the symbol as well. Neither accepts member names or numbers.
/// <see cref="MetricUnitExtensions.TryParseSymbol"/> parses a symbol in code.
/// </para>
/// </remarks>
[JsonConverter(typeof(MetricUnitJsonConverter))]
[TypeConverter(typeof(MetricUnitTypeConverter))]
public enum MetricUnit
{
    /// <summary>Kilogram (<c>kg</c>), the base unit of <see cref="UnitDimension.Mass"/>.</summary>
    Kilogram,

    /// <summary>Avoirdupois pound (<c>lb</c>), exactly 0.45359237 kg.</summary>
    Pound,

    /// <summary>Percent (<c>%</c>), the unit of <see cref="UnitDimension.Ratio"/>: 0 to 100.</summary>
    Percent,

    /// <summary>Second (<c>seconds</c>), the base unit of <see cref="UnitDimension.Time"/>.</summary>
    Second,

    /// <summary>Minute (<c>minutes</c>), exactly 60 seconds.</summary>
    Minute,

    /// <summary>Hour (<c>hours</c>), exactly 3,600 seconds.</summary>
    Hour,

    /// <summary>Metre (<c>meters</c>), the base unit of <see cref="UnitDimension.Length"/>.</summary>
    Meter,

    /// <summary>Kilometre (<c>kilometers</c>), exactly 1,000 m.</summary>
    Kilometer,

    /// <summary>Centimetre (<c>centimeters</c>), exactly 0.01 m; used for body measurements.</summary>
    Centimeter,

    /// <summary>International mile (<c>miles</c>), exactly 1,609.344 m.</summary>
    Mile,

    /// <summary>International yard (<c>yards</c>), exactly 0.9144 m; used for swimming and sled pushes.</summary>
    Yard,

    /// <summary>International foot (<c>feet</c>), exactly 0.3048 m.</summary>
    Foot,

    /// <summary>International inch (<c>inches</c>), exactly 0.0254 m.</summary>
    Inch,

    /// <summary>Repetitions (<c>reps</c>), the unit of <see cref="UnitDimension.Count"/>.</summary>
    Repetition,

    /// <summary>Beats per minute (<c>bpm</c>), the unit of <see cref="UnitDimension.Frequency"/>.</summary>
    BeatsPerMinute,

    /// <summary>Watt (<c>watts</c>), the unit of <see cref="UnitDimension.Power"/>.</summary>
    Watt,

    /// <summary>Kilojoule (<c>kj</c>), the base unit of <see cref="UnitDimension.Energy"/>.</summary>
    Kilojoule,

    /// <summary>Kilocalorie (<c>kcal</c>, the dietary "calorie"), exactly 4.184 kJ (thermochemical).</summary>
    Kilocalorie,
}
