namespace Warden.Scoring.Training;

/// <summary>A sparse training example: feature indices and values, and whether it is positive.</summary>
public sealed record SparseExample(int[] Indices, float[] Values, bool Positive);

/// <summary>
/// Binary logistic regression on sparse vectors with AdaGrad, L2 regularisation and class weights that
/// balance positives and negatives. Deterministic for a given seed.
/// </summary>
public sealed class LogisticRegression(int dimension, int epochs = 20, double learningRate = 0.5, double l2 = 1e-6, int seed = 7)
{
    public (float[] Weights, float Bias) Fit(IReadOnlyList<SparseExample> examples)
    {
        var weights = new double[dimension];
        var squares = new double[dimension];
        double bias = 0, biasSquares = 0;
        var positives = examples.Count(e => e.Positive);
        var positiveWeight = positives == 0 ? 1 : (examples.Count - positives) / (double)positives;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var example = examples[index];
                var margin = bias;
                for (var k = 0; k < example.Indices.Length; k++)
                {
                    margin += weights[example.Indices[k]] * example.Values[k];
                }

                var error = (Sigmoid(margin) - (example.Positive ? 1 : 0)) * (example.Positive ? positiveWeight : 1);
                for (var k = 0; k < example.Indices.Length; k++)
                {
                    var i = example.Indices[k];
                    var gradient = (error * example.Values[k]) + (l2 * weights[i]);
                    squares[i] += gradient * gradient;
                    weights[i] -= learningRate * gradient / (Math.Sqrt(squares[i]) + 1e-8);
                }

                biasSquares += error * error;
                bias -= learningRate * error / (Math.Sqrt(biasSquares) + 1e-8);
            }
        }

        return ([.. weights.Select(w => (float)w)], (float)bias);
    }

    public static double Score(float[] weights, float bias, SparseExample example)
    {
        double margin = bias;
        for (var k = 0; k < example.Indices.Length; k++)
        {
            margin += weights[example.Indices[k]] * example.Values[k];
        }

        return Sigmoid(margin);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
