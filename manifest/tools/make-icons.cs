// Draws the add-in's icon (a speech bubble in Fluent blue with three white dots) at every size the
// manifest declares and writes the PNGs the host serves. The PNGs are committed; run this again only
// to change the artwork:
//   dotnet run manifest/tools/make-icons.cs -- src/OutlookInterviewAddin/wwwroot/assets
// Written by hand (zlib + CRC-32) because the package feed has no imaging library.
using System.IO.Compression;

var output = args.Length > 0 ? args[0] : Path.Combine("src", "OutlookInterviewAddin", "wwwroot", "assets");
Directory.CreateDirectory(output);
// 192 is the unified manifest's colour icon; its outline icon is 32 px, white on transparent.
foreach (var size in new[] { 16, 32, 64, 80, 128, 192 })
{
    var path = Path.Combine(output, $"icon-{size}.png");
    File.WriteAllBytes(path, Png.Encode(size, size, Icon.Draw(size)));
    Console.WriteLine($"{path} ({size}x{size})");
}
var outline = Path.Combine(output, "outline-32.png");
File.WriteAllBytes(outline, Png.Encode(32, 32, Icon.Draw(32, outline: true)));
Console.WriteLine($"{outline} (32x32, outline)");

static class Icon
{
    // Fluent 2 brand blue, #0F6CBD.
    private static readonly (double R, double G, double B) Blue = (0x0F, 0x6C, 0xBD);
    private static readonly (double R, double G, double B) White = (0xFF, 0xFF, 0xFF);
    private const int Samples = 8;

    /// <summary>RGBA rows, non-premultiplied, antialiased by 8x8 supersampling.</summary>
    public static byte[] Draw(int size, bool outline = false)
    {
        var pixels = new byte[size * size * 4];
        for (var py = 0; py < size; py++)
        for (var px = 0; px < size; px++)
        {
            double r = 0, g = 0, b = 0, a = 0;
            for (var sy = 0; sy < Samples; sy++)
            for (var sx = 0; sx < Samples; sx++)
            {
                var x = (px + (sx + 0.5) / Samples) / size;
                var y = (py + (sy + 0.5) / Samples) / size;
                if (InDot(x, y)) { if (!outline) Add(White); }
                else if (InBubble(x, y)) Add(outline ? White : Blue);
            }
            var i = (py * size + px) * 4;
            if (a > 0)
            {
                pixels[i] = (byte)Math.Round(r / a);
                pixels[i + 1] = (byte)Math.Round(g / a);
                pixels[i + 2] = (byte)Math.Round(b / a);
            }
            pixels[i + 3] = (byte)Math.Round(255 * a / (Samples * Samples));

            void Add((double R, double G, double B) c) { r += c.R; g += c.G; b += c.B; a += 1; }
        }
        return pixels;
    }

    private static bool InBubble(double x, double y) => InRoundedRect(x, y, 0.06, 0.10, 0.94, 0.72, 0.18) || InTail(x, y);

    // The bubble's tail points down and to the left, like a chat bubble.
    private static bool InTail(double x, double y) =>
        InTriangle(x, y, (0.20, 0.60), (0.46, 0.66), (0.16, 0.92));

    private static bool InDot(double x, double y)
    {
        const double radius = 0.075;
        foreach (var cx in new[] { 0.29, 0.50, 0.71 })
            if ((x - cx) * (x - cx) + (y - 0.41) * (y - 0.41) <= radius * radius) return true;
        return false;
    }

    private static bool InRoundedRect(double x, double y, double left, double top, double right, double bottom, double radius)
    {
        if (x < left || x > right || y < top || y > bottom) return false;
        var cx = Math.Clamp(x, left + radius, right - radius);
        var cy = Math.Clamp(y, top + radius, bottom - radius);
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }

    private static bool InTriangle(double x, double y, (double X, double Y) a, (double X, double Y) b, (double X, double Y) c)
    {
        static double Side((double X, double Y) p, (double X, double Y) q, double x, double y) => (x - q.X) * (p.Y - q.Y) - (p.X - q.X) * (y - q.Y);
        var d1 = Side(a, b, x, y);
        var d2 = Side(b, c, x, y);
        var d3 = Side(c, a, x, y);
        var negative = d1 < 0 || d2 < 0 || d3 < 0;
        var positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive);
    }
}

static class Png
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(int width, int height, byte[] rgba)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: RGBA
        WriteChunk(png, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgba, row * width * 4, width * 4);
            }
        }
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        png.Write(length);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32([.. typeBytes, .. data]));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
