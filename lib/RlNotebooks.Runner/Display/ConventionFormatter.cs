using System.Collections;
using System.Reflection;

namespace RlNotebooks.Runner.Display;

/// <summary>One formatter found through the .NET Interactive convention: it renders instances of <see cref="Type"/>
/// as <see cref="MimeType"/>.</summary>
/// <param name="MimeType">The MIME type produced.</param>
/// <param name="Type">The type it formats (the annotated type when the formatter has no <c>Type</c> property).</param>
/// <param name="Format">Writes the instance; false when it declines.</param>
public sealed record ConventionFormatter(string MimeType, Type Type, Func<object, TextWriter, bool> Format)
{
    /// <summary>The attribute name .NET Interactive matches by name, in any namespace.</summary>
    public const string AttributeName = "TypeFormatterSourceAttribute";

    /// <summary>Finds the formatters declared for <paramref name="type"/> and its base types the way .NET Interactive does
    /// without a package reference: an attribute named <c>TypeFormatterSourceAttribute</c> whose
    /// <c>FormatterSourceType</c> property names a class with a public parameterless constructor and a public
    /// <c>CreateTypeFormatters()</c> method returning an <see cref="IEnumerable"/> of objects that have a <c>MimeType</c>
    /// string property, a <c>bool Format(object, TextWriter)</c> method and optionally a <c>Type</c> property.</summary>
    /// <exception cref="InvalidOperationException">The attribute is present but the source or a formatter breaks the convention.</exception>
    public static IReadOnlyList<ConventionFormatter> For(Type type)
    {
        var found = new List<ConventionFormatter>();
        var sources = new HashSet<Type>();
        for (Type? annotated = type; annotated is not null; annotated = annotated.BaseType)
        {
            foreach (object attribute in annotated.GetCustomAttributes(inherit: false))
            {
                if (attribute.GetType().Name != AttributeName) continue;
                if (Property(attribute, "FormatterSourceType") is not Type sourceType)
                {
                    throw new InvalidOperationException($"{AttributeName} on '{annotated}' has no FormatterSourceType property of type Type.");
                }

                if (sources.Add(sourceType)) found.AddRange(FromSource(annotated, sourceType));
            }
        }

        return found;
    }

    private static IEnumerable<ConventionFormatter> FromSource(Type annotated, Type sourceType)
    {
        MethodInfo create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException(
                $"Formatter source '{sourceType}' (from {AttributeName} on '{annotated}') has no public instance method CreateTypeFormatters(); " +
                "that is the name .NET Interactive calls.");
        object source = Activator.CreateInstance(sourceType)
            ?? throw new InvalidOperationException($"Formatter source '{sourceType}' could not be created.");
        if (create.Invoke(source, null) is not IEnumerable formatters)
        {
            throw new InvalidOperationException($"{sourceType}.CreateTypeFormatters() did not return an IEnumerable.");
        }

        foreach (object? formatter in formatters)
        {
            if (formatter is null) continue;
            if (Property(formatter, "MimeType") is not string mimeType)
            {
                throw new InvalidOperationException($"Formatter '{formatter.GetType()}' from '{sourceType}' has no string MimeType property.");
            }

            MethodInfo format = formatter.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)])
                ?? throw new InvalidOperationException($"Formatter '{formatter.GetType()}' from '{sourceType}' has no public Format(object, TextWriter) method.");
            if (format.ReturnType != typeof(bool))
            {
                throw new InvalidOperationException($"{formatter.GetType()}.Format(object, TextWriter) must return bool.");
            }

            Type formatted = Property(formatter, "Type") as Type ?? annotated;
            yield return new ConventionFormatter(mimeType, formatted, (value, writer) => Invoke(format, formatter, value, writer));
        }
    }

    private static bool Invoke(MethodInfo format, object formatter, object value, TextWriter writer)
    {
        try
        {
            return (bool)format.Invoke(formatter, [value, writer])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static object? Property(object instance, string name) =>
        instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance);
}
