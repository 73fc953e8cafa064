namespace RlNotebooks.Charts.Traces;

/// <summary>How an x/y trace is drawn.</summary>
internal enum XyKind
{
    /// <summary>Connected line (<c>type: scatter, mode: lines</c>).</summary>
    Line,

    /// <summary>Unconnected markers (<c>type: scatter, mode: markers</c>).</summary>
    Markers,

    /// <summary>Vertical bars (<c>type: bar</c>).</summary>
    Bar,

    /// <summary>A closed, semi-transparent polygon (<c>fill: toself</c>) without legend entry: the ± std band.</summary>
    BandFill,
}
