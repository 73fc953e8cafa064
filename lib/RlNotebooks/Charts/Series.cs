using System.Collections.Immutable;
using RlNotebooks.Charts.Traces;

namespace RlNotebooks.Charts;

/// <summary>Traces that share one colour and one legend entry (a line; or a band's fill plus its mean line).</summary>
internal sealed record Series(ImmutableArray<Trace> Traces)
{
    internal Series(Trace trace)
        : this([trace])
    {
    }

    /// <summary>The series' legend entry (a band's mean-line name), or null when it has none.</summary>
    internal string? LegendName
    {
        get
        {
            foreach (var trace in Traces)
            {
                if (trace.LegendName is string name)
                {
                    return name;
                }
            }

            return null;
        }
    }
}
