using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Numerics;
using FsCheck.Xunit;

namespace MetricSets.Tests;

/// <summary>
/// The behaviour every generated id promises, run once per id type (the subclasses at the end of the file): the
/// generator is tested through what the ids do, not through the text it emits. The subclasses hand in the members no
/// interface describes: the constructor, <c>New()</c>, <c>Value</c> and <c>IsEmpty</c>.
/// </summary>
public abstract class StronglyTypedIdContract<TId>(Func<Guid, TId> wrap, Func<TId> newId, Func<TId, Guid> unwrap, Func<TId, bool> isEmpty)
    where TId : struct, IEquatable<TId>, IComparable<TId>, IComparable, IComparisonOperators<TId, TId, bool>,
        ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<TId>
{
    private static readonly string[] GuidFormats = ["D", "N", "B", "P", "X"];

    private static string TypeName => typeof(TId).Name;

    private TId Wrap(Guid value) => wrap(value);

    private TId New() => newId();

    private Guid Unwrap(TId id) => unwrap(id);

    private bool IsEmpty(TId id) => isEmpty(id);

    [Fact]
    public void Default_is_empty_and_wraps_Guid_Empty()
    {
        TId empty = default;

        Assert.True(IsEmpty(empty));
        Assert.Equal(Guid.Empty, Unwrap(empty));
        Assert.Equal(empty, Wrap(Guid.Empty));
        Assert.Equal("00000000-0000-0000-0000-000000000000", empty.ToString());
        Assert.Equal(empty, ParseText("00000000-0000-0000-0000-000000000000"));
    }

    [Fact]
    public void New_mints_distinct_non_empty_version_7_ids_in_time_order()
    {
        var first = New();
        var second = New();

        Assert.False(IsEmpty(first));
        Assert.Equal(7, Unwrap(first).Version);
        Assert.NotEqual(first, second);
        Assert.False(IsEmpty(Wrap(Guid.NewGuid())));
    }

    [Property]
    public void Value_is_the_wrapped_guid_and_equality_follows_it(Guid value, Guid other)
    {
        var id = Wrap(value);

        Assert.Equal(value, Unwrap(id));
        Assert.True(id.Equals(Wrap(value)));
        Assert.True(id.Equals((object)Wrap(value)));
        Assert.Equal(value == other, id.Equals(Wrap(other)));
        Assert.Equal(value == other, id.Equals((object)Wrap(other)));
        Assert.False(id.Equals((object)value), "an id never equals its bare Guid");
        Assert.False(id.Equals(null));
        Assert.Equal(value.GetHashCode(), id.GetHashCode());
    }

    [Property]
    public void Operators_agree_with_Equals_and_CompareTo(Guid left, Guid right)
    {
        var (a, b) = (Wrap(left), Wrap(right));
        var expected = Math.Sign(left.CompareTo(right));

        Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expected, Math.Sign(a.CompareTo((object)b)));
        Assert.Equal(expected == 0, a == b);
        Assert.Equal(expected != 0, a != b);
        Assert.Equal(expected < 0, a < b);
        Assert.Equal(expected > 0, a > b);
        Assert.Equal(expected <= 0, a <= b);
        Assert.Equal(expected >= 0, a >= b);
        var same = Wrap(left);
        Assert.True(a == same && !(a != same) && a <= same && a >= same && !(a < same) && !(a > same));
    }

    [Fact]
    public void Sorting_ids_sorts_their_guids()
    {
        var guids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();

        Assert.Equal(guids.Order(), guids.Select(Wrap).Order().Select(Unwrap));
    }

    [Fact]
    public void CompareTo_object_puts_null_first_and_rejects_other_types()
    {
        var id = New();

        Assert.True(id.CompareTo(null) > 0);
        var error = Assert.Throws<ArgumentException>(() => id.CompareTo(Unwrap(id)));
        Assert.Equal("obj", error.ParamName);
        Assert.Contains(TypeName, error.Message, StringComparison.Ordinal);
    }

    [Property]
    public void ToString_is_the_36_character_D_form_and_Parse_reads_it_back(Guid value)
    {
        var id = Wrap(value);

        var text = id.ToString()!;

        Assert.Equal(value.ToString("D"), text);
        Assert.Equal(36, text.Length);
        Assert.Equal(id, ParseText(text));
        Assert.Equal(id, TId.Parse(text.AsSpan(), null));
        Assert.True(TryParseText(text, out var parsed));
        Assert.Equal(id, parsed);
        Assert.True(TId.TryParse(text.AsSpan(), null, out parsed));
        Assert.Equal(id, parsed);
    }

    [Property]
    public void Every_Guid_format_round_trips_and_Parse_accepts_what_Guid_Parse_accepts(Guid value)
    {
        var id = Wrap(value);

        foreach (var format in GuidFormats)
        {
            var text = id.ToString(format, null);
            Assert.Equal(value.ToString(format), text);
            Assert.Equal(id, ParseText(text));
            Assert.Equal(id, ParseText($"  {text.ToUpperInvariant()}\t"));
        }

        Assert.Equal(value.ToString("D"), id.ToString(null, null));
        Assert.Equal(value.ToString("D"), id.ToString(string.Empty, null));
    }

    [Property]
    public void TryFormat_writes_what_ToString_writes_in_chars_and_in_UTF8(Guid value)
    {
        var id = Wrap(value);

        foreach (var format in GuidFormats.Append(string.Empty))
        {
            var expected = id.ToString(format, null);
            var chars = new char[expected.Length];
            var bytes = new byte[expected.Length];

            Assert.True(id.TryFormat(chars, out var charsWritten, format, null));
            Assert.Equal(expected, new string(chars, 0, charsWritten));
            Assert.True(id.TryFormat(bytes, out var bytesWritten, format, null));
            Assert.Equal(expected, Encoding.UTF8.GetString(bytes, 0, bytesWritten));
            Assert.False(id.TryFormat(new char[expected.Length - 1], out _, format, null));
            Assert.False(id.TryFormat(new byte[expected.Length - 1], out _, format, null));
        }
    }

    [Property]
    public void Parse_and_TryParse_accept_exactly_what_Guid_TryParse_accepts(string? text)
    {
        var isGuid = Guid.TryParse(text, out var guid);

        Assert.Equal(isGuid, TryParseText(text, out var parsed));
        Assert.Equal(isGuid ? Wrap(guid) : default, parsed);
        Assert.Equal(isGuid, TId.TryParse(text.AsSpan(), null, out parsed));
        Assert.Equal(isGuid ? Wrap(guid) : default, parsed);
        if (isGuid)
        {
            Assert.Equal(Wrap(guid), ParseText(text!));
        }
        else if (text is not null)
        {
            AssertFormatException(() => ParseText(text), text);
            AssertFormatException(() => TId.Parse(text.AsSpan(), null), text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("not an id")]
    [InlineData("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5")]
    [InlineData("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bb")]
    [InlineData("g193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("{0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("0193a1b2c3d47e5f8a9b0c1d2e3f4a5b-")]
    public void Parse_rejects_garbage_with_a_FormatException_naming_the_type_and_the_form(string text)
    {
        Assert.False(TryParseText(text, out var parsed));
        Assert.Equal(default, parsed);
        AssertFormatException(() => ParseText(text), text);
    }

    [Fact]
    public void Parse_of_null_is_an_argument_error_and_TryParse_of_null_is_false()
    {
        Assert.Throws<ArgumentNullException>(() => ParseText(null!));
        Assert.False(TryParseText(null, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Property]
    public void Json_is_a_D_form_string_and_round_trips(Guid value)
    {
        var id = Wrap(value);

        var json = JsonSerializer.Serialize(id);

        Assert.Equal($"\"{value:D}\"", json);
        Assert.Equal(id, JsonSerializer.Deserialize<TId>(json));
        Assert.Equal(id, JsonSerializer.Deserialize<TId?>(json));
        Assert.Null(JsonSerializer.Deserialize<TId?>("null"));
    }

    [Property]
    public void Json_dictionary_keys_are_D_form_strings_and_round_trip(Guid first, Guid second)
    {
        var map = new Dictionary<TId, int> { [Wrap(first)] = 1 };
        map[Wrap(second)] = 2;

        var json = JsonSerializer.Serialize(map);
        var read = JsonSerializer.Deserialize<Dictionary<TId, int>>(json)!;

        Assert.Contains($"\"{second:D}\":2", json, StringComparison.Ordinal);
        Assert.Equal(map, read);
    }

    [Theory]
    [InlineData("\"not an id\"", "the string \"not an id\"")]
    [InlineData("\"{0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}\"", "the string")]
    [InlineData("\"0193a1b2c3d47e5f8a9b0c1d2e3f4a5b\"", "the string")]
    [InlineData("\" 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\"", "the string")]
    [InlineData("42", "a Number token")]
    [InlineData("null", "a Null token")]
    [InlineData("{}", "a StartObject token")]
    public void Json_rejects_anything_but_a_D_form_string(string json, string found)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TId>(json));

        Assert.Contains($"Cannot read a {TypeName} from {found}", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"D\" form", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an id")]
    [InlineData("0193a1b2c3d47e5f8a9b0c1d2e3f4a5b")]
    [InlineData("{0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}")]
    [InlineData(" 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    public void Json_rejects_a_dictionary_key_that_is_not_in_the_D_form(string key)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<TId, int>>($"{{\"{key}\":1}}"));

        Assert.Contains($"Cannot read a {TypeName} from the property name \"{key}\"", error.Message, StringComparison.Ordinal);
    }

    [Property]
    public void TypeConverter_converts_from_and_to_string_and_Guid(Guid value)
    {
        var id = Wrap(value);
        var converter = TypeDescriptor.GetConverter(typeof(TId));

        Assert.True(converter.CanConvertFrom(typeof(string)));
        Assert.True(converter.CanConvertFrom(typeof(Guid)));
        Assert.True(converter.CanConvertTo(typeof(string)));
        Assert.True(converter.CanConvertTo(typeof(Guid)));
        Assert.False(converter.CanConvertFrom(typeof(int)));
        Assert.False(converter.CanConvertTo(typeof(int)));
        Assert.Equal(id, converter.ConvertFromInvariantString(id.ToString()!));
        Assert.Equal(id, converter.ConvertFromInvariantString(value.ToString("N")));
        Assert.Equal(id, converter.ConvertFrom(value));
        Assert.Equal(value.ToString("D"), converter.ConvertToInvariantString(id));
        Assert.Equal(value, converter.ConvertTo(id, typeof(Guid)));
    }

    [Fact]
    public void TypeConverter_rejects_text_that_is_not_an_id_and_unknown_types()
    {
        var converter = TypeDescriptor.GetConverter(typeof(TId));

        var error = Assert.Throws<FormatException>(() => converter.ConvertFromInvariantString("not an id"));
        Assert.Contains(TypeName, error.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => converter.ConvertFrom(42));
        Assert.Throws<NotSupportedException>(() => converter.ConvertTo(New(), typeof(int)));
        Assert.Equal("42", converter.ConvertToInvariantString(42));
    }

    // Called through IParsable<T>: on TId itself, TId.Parse(string, …) binds to the ReadOnlySpan<char> overload of
    // ISpanParsable<TId>, so the string overloads would go untested.
    private static TId ParseText(string text) => ParseAs<TId>(text);

    private static bool TryParseText(string? text, out TId result) => TryParseAs(text, out result);

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static bool TryParseAs<T>(string? text, out T result)
        where T : IParsable<T> => T.TryParse(text, null, out result!);

    private static void AssertFormatException(Func<TId> parse, string text)
    {
        var error = Assert.Throws<FormatException>(() => parse());
        Assert.Equal(
            $"'{text}' is not a {TypeName}: expected a GUID such as 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b (32 hexadecimal digits, optionally with hyphens and enclosing braces or parentheses).",
            error.Message);
    }
}

public sealed class UserIdContract() : StronglyTypedIdContract<UserId>(value => new(value), UserId.New, id => id.Value, id => id.IsEmpty);

public sealed class OrganizationIdContract() : StronglyTypedIdContract<OrganizationId>(value => new(value), OrganizationId.New, id => id.Value, id => id.IsEmpty);

public sealed class WorkoutIdContract() : StronglyTypedIdContract<WorkoutId>(value => new(value), WorkoutId.New, id => id.Value, id => id.IsEmpty);

public sealed class MetricDefinitionIdContract() : StronglyTypedIdContract<MetricDefinitionId>(value => new(value), MetricDefinitionId.New, id => id.Value, id => id.IsEmpty);

public sealed class MetricSetIdContract() : StronglyTypedIdContract<MetricSetId>(value => new(value), MetricSetId.New, id => id.Value, id => id.IsEmpty);

public sealed class MemberMetricIdContract() : StronglyTypedIdContract<MemberMetricId>(value => new(value), MemberMetricId.New, id => id.Value, id => id.IsEmpty);
