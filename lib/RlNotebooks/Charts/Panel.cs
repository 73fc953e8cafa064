using System.Collections.Immutable;

namespace RlNotebooks.Charts;

/// <summary>One plotting area: its series, its two axes and (inside a grid) its subplot title.</summary>
internal sealed record Panel(ImmutableArray<Series> Series, Axis X, Axis Y, string? Title);
