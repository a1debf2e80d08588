using System.ComponentModel;
using System.Globalization;

namespace MetricSets.Serialization;

/// <summary>
/// Converts a type from and to its one text form, for MVC model binding and configuration binding. A conversion from
/// invalid text throws what <see cref="Parse"/> throws (a <see cref="MetricValidationException"/> or a
/// <see cref="FormatException"/>); the culture is ignored, as every text form of the model is culture-invariant.
/// </summary>
internal abstract class TextTypeConverter<T> : TypeConverter
{
    public sealed override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public sealed override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value);

    public sealed override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        value is T typed && destinationType == typeof(string) ? Format(typed) : base.ConvertTo(context, culture, value, destinationType);

    protected abstract T Parse(string text);

    protected abstract string Format(T value);
}

/// <summary>
/// Converts a parsable type with its <see cref="IParsable{TSelf}.Parse"/> and <see cref="object.ToString"/>, which for every
/// type of the model is its culture-invariant text form.
/// </summary>
internal sealed class ParsableTypeConverter<T> : TextTypeConverter<T>
    where T : IParsable<T>
{
    protected override T Parse(string text) => T.Parse(text, CultureInfo.InvariantCulture);

    protected override string Format(T value) => value.ToString()!;
}

/// <summary>Converts a <see cref="MetricUnit"/> from and to its symbol (<c>kg</c>, <c>%</c>, <c>seconds</c>…) rather than its member name.</summary>
internal sealed class MetricUnitTypeConverter : TextTypeConverter<MetricUnit>
{
    protected override MetricUnit Parse(string text) => MetricUnitExtensions.ParseSymbol(text, "unit");

    protected override string Format(MetricUnit value) => value.Symbol();
}
