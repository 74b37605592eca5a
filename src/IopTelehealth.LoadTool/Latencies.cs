namespace IopTelehealth.LoadTool;

/// <summary>Latency samples from many threads; percentiles by sorting once at the end.</summary>
internal sealed class Latencies
{
    private readonly Lock _gate = new();
    private readonly List<double> _ms = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ms.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _ms.Add(milliseconds);
        }
    }

    public void AddTicks(long fromTimestamp, long toTimestamp) => Add((toTimestamp - fromTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Nearest-rank percentile; NaN without samples.</summary>
    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_ms.Count == 0)
            {
                return double.NaN;
            }

            _ms.Sort();
            var rank = (int)Math.Ceiling(p / 100.0 * _ms.Count);
            return _ms[Math.Clamp(rank - 1, 0, _ms.Count - 1)];
        }
    }
}
