using System.Collections;
using System.Globalization;
using System.Text;

namespace RlNotebooks.Runner.Display;

/// <summary>The <c>text/plain</c> rendering of values without a <c>text/plain</c> formatter: strings as they are,
/// numbers in the invariant culture, collections as their items, everything else via <see cref="object.ToString"/>.</summary>
public static class PlainText
{
    /// <summary>Items shown before a collection is elided.</summary>
    public const int MaxItems = 100;

    /// <summary>Renders <paramref name="value"/>.</summary>
    public static string Format(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, depth: 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("<null>");
                return;
            case string s:
                text.Append(s);
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IDictionary dictionary when depth < 3:
                AppendItems(text, Entries(dictionary), "{ ", " }", (e, d) =>
                {
                    Append(text, e.Key, d);
                    text.Append(": ");
                    Append(text, e.Value, d);
                }, depth);
                return;
            case IEnumerable items when depth < 3 && !HasOwnToString(value):
                AppendItems(text, items.Cast<object?>(), "[ ", " ]", (item, d) => Append(text, item, d), depth);
                return;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }

    private static void AppendItems<T>(StringBuilder text, IEnumerable<T> items, string open, string close, Action<T, int> appendItem, int depth)
    {
        text.Append(open);
        int count = 0;
        foreach (T item in items)
        {
            if (count == MaxItems)
            {
                text.Append(", … (more)");
                break;
            }

            if (count > 0) text.Append(", ");
            appendItem(item, depth + 1);
            count++;
        }

        text.Append(close);
    }

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        IDictionaryEnumerator entries = dictionary.GetEnumerator();
        while (entries.MoveNext()) yield return entries.Entry;
    }

    private static bool HasOwnToString(object value)
    {
        Type? declaring = value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType;
        return declaring is not null && declaring != typeof(object) && !declaring.IsArray && declaring.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;
    }
}
