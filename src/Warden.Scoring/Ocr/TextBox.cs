namespace Warden.Scoring.Ocr;

/// <summary>A detected line of text: its box in the original image, the text read and the detector's confidence.</summary>
public sealed record TextBox(int Left, int Top, int Width, int Height, float Confidence, string Text);
