using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RlNotebooks.Tests.Runner;

/// <summary>Compiles a small class library for a notebook to <c>#r</c>: stands in for RlNotebooks.dll and for the
/// Chart type until it exists (a type carrying a convention-based <c>TypeFormatterSourceAttribute</c>).</summary>
internal static class FixtureAssembly
{
    /// <summary>Plotly-like chart with plotly JSON and HTML formatters, declared exactly the .NET Interactive way.</summary>
    public const string ChartSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;

        namespace Fixture.Formatting
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
            public sealed class TypeFormatterSourceAttribute : Attribute
            {
                public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;
                public Type FormatterSourceType { get; }
                public string[]? PreferredMimeTypes { get; set; }
            }

            public sealed class ChartFormatterSource
            {
                public IEnumerable<object> CreateTypeFormatters()
                {
                    yield return new ChartFormatter("application/vnd.plotly.v1+json", c => c.ToPlotlyJson());
                    yield return new ChartFormatter("text/html", c => "<div class=\"chart\">" + c.Title + "</div>");
                }
            }

            public sealed class ChartFormatter
            {
                private readonly Func<Fixture.Chart, string> _render;
                public ChartFormatter(string mimeType, Func<Fixture.Chart, string> render) { MimeType = mimeType; _render = render; }
                public string MimeType { get; }
                public Type Type => typeof(Fixture.Chart);
                public bool Format(object instance, TextWriter writer)
                {
                    if (instance is not Fixture.Chart chart) return false;
                    writer.Write(_render(chart));
                    return true;
                }
            }
        }

        namespace Fixture
        {
            [Fixture.Formatting.TypeFormatterSource(typeof(Fixture.Formatting.ChartFormatterSource),
                PreferredMimeTypes = new[] { "application/vnd.plotly.v1+json", "text/html" })]
            public class Chart
            {
                public Chart(string title, double[] y) { Title = title; Y = y; }
                public string Title { get; }
                public double[] Y { get; }
                public string ToPlotlyJson() =>
                    "{\"data\":[{\"type\":\"scatter\",\"mode\":\"lines\",\"y\":[" + string.Join(",", Y) + "]}],\"layout\":{\"title\":{\"text\":\"" + Title + "\"},\"width\":320,\"height\":240}}";
                public override string ToString() => "Chart: " + Title;
            }

            public sealed class LineChart : Chart
            {
                public LineChart(string title, double[] y) : base(title, y) { }
            }

            public static class Fixtures
            {
                public static int Answer => 42;
            }
        }
        """;

    /// <summary>Compiles <see cref="ChartSource"/> to <paramref name="path"/>.</summary>
    public static void Build(string path)
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Runtime.dll", "System.Private.CoreLib.dll", "netstandard.dll" }
            .Select(n => MetadataReference.CreateFromFile(Path.Combine(runtime, n)));
        CSharpCompilation compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(ChartSource)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
