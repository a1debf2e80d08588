using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MetricSets.Generators;

/// <summary>
/// Generates the members of every <c>readonly partial struct</c> marked <c>[StronglyTypedId]</c>: a <see cref="System.Guid"/>
/// wrapper with equality, ordering, formatting, parsing, a <c>TypeConverter</c> and a System.Text.Json converter.
/// </summary>
/// <remarks>
/// <para>
/// The marker attribute is emitted <c>internal</c> into the compilation, so it never becomes public API. An id must be a
/// top-level struct; a nested one produces a compile error (<c>#error</c>) rather than a silently empty type.
/// </para>
/// <para>
/// The JSON converter of an id <c>Ns.X</c> is the public class <c>Ns.Serialization.XJsonConverter</c>, so that a host's
/// source-generated <c>JsonSerializerContext</c> can instantiate it; the type converter is internal.
/// </para>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class StronglyTypedIdGenerator : IIncrementalGenerator
{
    private const string AttributeNamespace = "MetricSets";
    private const string AttributeName = "StronglyTypedIdAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
            output.AddSource($"{AttributeName}.g.cs", SourceText.From(Templates.Attribute(AttributeNamespace, AttributeName), Encoding.UTF8)));

        // Only strings flow out of the transform, so the pipeline caches on value equality and never holds a symbol.
        var ids = context.SyntaxProvider.ForAttributeWithMetadataName(
            $"{AttributeNamespace}.{AttributeName}",
            static (node, _) => node is StructDeclarationSyntax,
            static (attributeContext, _) =>
            {
                var symbol = attributeContext.TargetSymbol;
                var isTopLevel = symbol.ContainingType is null;
                var ns = symbol.ContainingNamespace.IsGlobalNamespace ? string.Empty : symbol.ContainingNamespace.ToDisplayString();
                return (Namespace: ns, symbol.Name, IsTopLevel: isTopLevel);
            });

        context.RegisterSourceOutput(ids, static (output, id) =>
        {
            var hintName = id.Namespace.Length == 0 ? $"{id.Name}.g.cs" : $"{id.Namespace}.{id.Name}.g.cs";
            var source = id.IsTopLevel && id.Namespace.Length > 0
                ? Templates.Id(id.Namespace, id.Name)
                : $"#error [StronglyTypedId] supports only top-level structs in a namespace; '{id.Name}' is not one.\n";
            output.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
        });
    }
}
