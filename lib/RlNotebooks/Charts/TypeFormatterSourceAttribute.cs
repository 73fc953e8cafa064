namespace RlNotebooks.Charts;

/// <summary>
/// Declares the formatter source of a type for notebook display, by CONVENTION (no package reference):
/// .NET Interactive (Microsoft.DotNet.Interactive.Formatting, <c>Formatter.TryRegisterFromConventionBasedFormatterSources</c>
/// in dotnet/interactive's Formatter.cs) scans a value's type for custom attributes whose type NAME is
/// <c>TypeFormatterSourceAttribute</c>, reads their public property <c>FormatterSourceType</c> (a <see cref="Type"/>),
/// creates it with its public parameterless constructor, calls its public method <c>CreateTypeFormatters()</c>
/// (any <see cref="System.Collections.IEnumerable"/>), and for each formatter object reads the public properties
/// <c>string MimeType</c> and (optional) <c>Type Type</c> and compiles a call to its public method
/// <c>bool Format(object instance, TextWriter writer)</c>. It finally reads the attribute's
/// <c>string[] PreferredMimeTypes</c> property and makes those the MIME types the value is displayed with.
/// This mirrors the shape of Microsoft.DotNet.Interactive.Formatting.TypeFormatterSourceAttribute
/// (constructor <c>(Type formatterSourceType)</c>, properties <c>FormatterSourceType</c> and <c>PreferredMimeTypes</c>).
/// The headless notebook runner discovers formatters the same way, by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose public <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType ?? throw new ArgumentNullException(nameof(formatterSourceType));

    /// <summary>MIME types a notebook should produce for the attributed type, most preferred first.</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
