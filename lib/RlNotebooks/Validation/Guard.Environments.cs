namespace RlNotebooks.Validation;

public static partial class Guard
{
    /// <summary>
    /// Throws unless <paramref name="map"/> is a non-empty rectangle of rows whose characters all belong to
    /// <paramref name="allowedLetters"/>; the message names the offending row, column and character.
    /// </summary>
    public static void RectangularMap(IReadOnlyList<string> map, string allowedLetters, string paramName = "map")
    {
        ArgumentNullException.ThrowIfNull(map, paramName);
        NotEmpty(map.Count, paramName);
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
