using System.Buffers.Binary;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>Reads a PNG's pixel size from its IHDR chunk, which the format puts first after the signature.</summary>
internal static class PngSize
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height)? Read(byte[] png)
    {
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature)) return null;
        if (!png.AsSpan(12, 4).SequenceEqual("IHDR"u8)) return null;
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
