namespace MetricSets;

/// <summary>
/// The rule every free text of the model obeys (set names, localized names, descriptions): no control characters.
/// PostgreSQL refuses NUL in text outright, and the other control characters are never data but garbage or an attempt to
/// forge what a log or a terminal shows.
/// </summary>
internal static class TextRules
{
    /// <summary>
    /// Returns <paramref name="text"/> when it holds no control character (line breaks and tabs allowed only when
    /// <paramref name="multiline"/>); otherwise throws a <see cref="MetricValidationException"/> naming the first one by its
    /// code point, never echoing the text.
    /// </summary>
    public static string EnsureNoControlCharacters(string text, string parameterName, string what, bool multiline = false)
    {
        foreach (var character in text)
        {
            if (char.IsControl(character) && !(multiline && character is '\n' or '\r' or '\t'))
            {
                throw new MetricValidationException(
                    parameterName,
                    text,
                    $"{what} must not contain control characters; it contains U+{(int)character:X4}{(multiline ? " (only line breaks and tabs are allowed)" : string.Empty)}.");
            }
        }

        return text;
    }
}
