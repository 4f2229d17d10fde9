namespace Warden.Scoring.Training;

/// <summary>Precision, recall and F1 of "score ≥ threshold means positive".</summary>
public sealed record Metrics(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : TruePositives / (double)(TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Metrics At(IReadOnlyList<(double Score, bool Positive)> scored, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (score, positive) in scored)
        {
            var predicted = score >= threshold;
            if (predicted && positive) tp++;
            else if (predicted) fp++;
            else if (positive) fn++;
            else tn++;
        }

        return new Metrics(threshold, tp, fp, fn, tn);
    }

    public override string ToString() =>
        $"threshold {Threshold:0.000}: precision {Precision:0.0000} recall {Recall:0.0000} F1 {F1:0.0000} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives}, tn {TrueNegatives})";
}
