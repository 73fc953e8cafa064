using RlNotebooks.Validation;

namespace RlNotebooks.Charts;

/// <summary>The chart family's own argument checks (matrices and runs × steps tables).</summary>
internal static class ChartChecks
{
    /// <summary>Throws unless every entry of the matrix is finite; names the first bad [row, column] and its value.</summary>
    internal static void AllFinite(double[,] values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        for (int r = 0; r < values.GetLength(0); r++)
        {
            for (int c = 0; c < values.GetLength(1); c++)
            {
                if (!double.IsFinite(values[r, c]))
                {
                    throw new ArgumentException($"{paramName}[{r}, {c}] must be finite but was {values[r, c]}.", paramName);
                }
            }
        }
    }

    /// <summary>
    /// Throws unless <paramref name="rows"/> is a non-empty list of equally long, non-empty, finite rows
    /// (runs × steps); names the first bad run and step.
    /// </summary>
    internal static void FiniteRectangular(IReadOnlyList<IReadOnlyList<double>> rows, string paramName)
    {
        ArgumentNullException.ThrowIfNull(rows, paramName);
        Guard.NotEmpty(rows.Count, paramName);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"{paramName}[{i}] must not be null.", paramName);
            if (row.Count == 0 || row.Count != rows[0].Count)
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] has length {row.Count} but {paramName}[0] has length {rows[0].Count}; all rows must have the same, non-zero length.",
                    paramName);
            }

            for (int j = 0; j < row.Count; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    throw new ArgumentException($"{paramName}[{i}][{j}] must be finite but was {row[j]}.", paramName);
                }
            }
        }
    }
}
