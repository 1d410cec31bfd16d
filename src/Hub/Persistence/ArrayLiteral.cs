using System.Collections;
using System.Globalization;
using System.Text;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// An array value as PostgreSQL's array literal (<c>{"a","b"}</c>), every element quoted, for element types whose
/// text form PostgreSQL reads back as the same value.
/// </summary>
public static class ArrayLiteral
{
    private static readonly HashSet<Type> Elements = [typeof(Guid), typeof(string), typeof(short), typeof(int), typeof(long)];

    /// <summary>Whether values of <paramref name="arrayType"/> can be written as a literal.</summary>
    public static bool Serves(Type arrayType) =>
        arrayType.GetInterfaces().Append(arrayType).SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence
        && sequence.GetGenericArguments()[0] is var element
        && Elements.Contains(Nullable.GetUnderlyingType(element) ?? element);

    public static string? Of(object? value)
    {
        if (value is null)
        {
            return null;
        }
        var literal = new StringBuilder("{");
        foreach (var element in (IEnumerable)value)
        {
            if (literal.Length > 1)
            {
                literal.Append(',');
            }
            if (element is null)
            {
                literal.Append("NULL");
                continue;
            }
            var text = Convert.ToString(element, CultureInfo.InvariantCulture)!;
            literal.Append('"').Append(text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }
        return literal.Append('}').ToString();
    }
}
