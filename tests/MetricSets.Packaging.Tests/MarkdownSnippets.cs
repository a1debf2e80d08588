using System.Text.RegularExpressions;

namespace MetricSets.Packaging.Tests;

/// <summary>
/// The C# blocks of a Markdown document that readers are meant to paste: fenced <c>```csharp</c>, at any indentation (a
/// block inside a list item). <c>```csharp-fragment</c> (or any other info string) is shown but not compiled.
/// </summary>
public static partial class MarkdownSnippets
{
    public sealed record Snippet(int Line, string Code)
    {
        /// <summary>
        /// Whether the block holds top-level statements (it is then the project's Program.cs): its first line that is
        /// not a using, a comment, an attribute or blank does not begin a type or namespace declaration.
        /// </summary>
        public bool HasTopLevelStatements =>
            Code.Split('\n').Select(line => line.Trim())
                .FirstOrDefault(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal) && !line.StartsWith("//", StringComparison.Ordinal) && !line.StartsWith('['))
                is { } first && !DeclarationStart().IsMatch(first);
    }

    public static IReadOnlyList<Snippet> Extract(string markdown)
    {
        var snippets = new List<Snippet>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var open = Fence().Match(lines[index]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var body = new List<string>();
            var start = index + 1;
            for (index++; index < lines.Length && !ClosingFence().IsMatch(lines[index]); index++)
            {
                var line = lines[index];
                body.Add(line.Length >= indent && string.IsNullOrWhiteSpace(line[..indent]) ? line[indent..] : line.TrimStart());
            }

            if (open.Groups["info"].Value == "csharp")
            {
                snippets.Add(new Snippet(start, string.Join('\n', body) + "\n"));
            }
        }

        return snippets;
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<info>\S*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*```\s*$")]
    private static partial Regex ClosingFence();

    [GeneratedRegex(@"^((public|internal|file|sealed|static|abstract|partial|readonly|unsafe)\s+)*(class|record|struct|interface|enum|namespace|delegate)\b")]
    private static partial Regex DeclarationStart();
}
