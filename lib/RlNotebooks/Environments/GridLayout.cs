using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// How the states of a grid environment are drawn: state s sits at row s / <see cref="Columns"/>, column
/// s mod <see cref="Columns"/> (Gymnasium's row-major <c>s = row·ncol + col</c>).
/// </summary>
public sealed record GridLayout
{
    /// <summary>Creates a layout from the map rows, one symbol per action, and the letters drawn as-is in policy plots.</summary>
    /// <param name="map">Rectangular map, one character per cell (e.g. "SFFF").</param>
    /// <param name="actionSymbols">The glyph of each action, indexed by action (e.g. ←↓→↑ for FrozenLake).</param>
    /// <param name="markedLetters">Map letters whose cells show the letter instead of an action (terminal cells, cliffs).</param>
    public GridLayout(IReadOnlyList<string> map, IReadOnlyList<string> actionSymbols, string markedLetters)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(actionSymbols);
        ArgumentNullException.ThrowIfNull(markedLetters);
        Guard.NotEmpty(map.Count, nameof(map));
        Guard.NotEmpty(actionSymbols.Count, nameof(actionSymbols));
        CheckMap(map, string.Concat(map), nameof(map));
        Map = [.. map];
        ActionSymbols = [.. actionSymbols];
        MarkedLetters = markedLetters;
    }

    /// <summary>The map rows, one character per cell.</summary>
    public IReadOnlyList<string> Map { get; }

    /// <summary>The glyph drawn for each action in a policy plot.</summary>
    public IReadOnlyList<string> ActionSymbols { get; }

    /// <summary>Map letters whose cells show the letter itself in a policy plot.</summary>
    public string MarkedLetters { get; }

    /// <summary>Number of grid rows.</summary>
    public int Rows => Map.Count;

    /// <summary>Number of grid columns.</summary>
    public int Columns => Map[0].Length;

    /// <summary>Rows · Columns, the number of states drawn.</summary>
    public int CellCount => Rows * Columns;

    /// <summary>The map letter of state <paramref name="state"/>.</summary>
    public char Letter(int state)
    {
        Guard.Index(state, CellCount);
        return Map[state / Columns][state % Columns];
    }

    /// <summary>
    /// Throws unless <paramref name="map"/> is a non-empty rectangle of rows whose characters all belong to
    /// <paramref name="allowedLetters"/>; the message names the offending row, column and character.
    /// </summary>
    internal static void CheckMap(IReadOnlyList<string> map, string allowedLetters, string paramName = "map")
    {
        ArgumentNullException.ThrowIfNull(map, paramName);
        Guard.NotEmpty(map.Count, paramName);
        int columns = map[0]?.Length ?? 0;
        for (int row = 0; row < map.Count; row++)
        {
            string? line = map[row];
            if (line is null || line.Length == 0)
            {
                throw new ArgumentException($"{paramName}[{row}] must be a non-empty row.", paramName);
            }

            if (line.Length != columns)
            {
                throw new ArgumentException(
                    $"{paramName} must be rectangular: row {row} has {line.Length} columns but row 0 has {columns}.", paramName);
            }

            for (int col = 0; col < line.Length; col++)
            {
                if (!allowedLetters.Contains(line[col], StringComparison.Ordinal))
                {
                    throw new ArgumentException(
                        $"{paramName}[{row}][{col}] is '{line[col]}' but only the letters \"{allowedLetters}\" are allowed.", paramName);
                }
            }
        }
    }
}
