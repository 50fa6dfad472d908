#!/usr/bin/env python3
"""
Regenerates the fonts of the preview images, src/assets/fonts/*.woff2, from Debian's Noto
fonts. They are subsets: the full fonts weigh tens of megabytes, and the build never
downloads a font. Run it after adding a document whose names use a character the previews
lack (the build warns « caractères sans glyphe »):

    apt-get install -y fonts-noto-core fonts-noto-cjk fonttools python3-brotli
    /usr/bin/python3 scripts/subset-fonts.py

Each subset keeps: Latin (with every accent French and other European languages use),
Greek, Cyrillic and general punctuation; the CJK font also keeps the 6,763 hanzi of
GB 2312, the 5,401 frequent hanzi of Big5, kana and CJK punctuation. Every character
written anywhere in content/ is added to every subset, so the archive's own names are
always covered.
"""
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'src' / 'assets' / 'fonts'
NOTO = pathlib.Path('/usr/share/fonts/truetype/noto')
NOTO_CJK = pathlib.Path('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
# In Debian's NotoSansCJK-Regular.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
CJK_SC = 2

LATIN_GREEK_CYRILLIC = ','.join([
    'U+0020-007E', 'U+00A0-024F', 'U+0300-036F', 'U+0370-03FF', 'U+0400-052F',
    'U+1E00-1EFF', 'U+2000-206F', 'U+20AC', 'U+2116', 'U+2122',
])
# CJK punctuation, kana, full-width forms. Add ranges here for another script (Hangul syllables:
# U+AC00-D7A3, about 2 MB more).
CJK_EXTRA = 'U+3000-30FF,U+FF00-FFEF'


def decodable(encoding, ranges):
    """Every character a double-byte encoding gives for the (lead, trail) byte ranges."""
    chars = []
    for lead, trails in ranges:
        for hi in lead:
            for lo in trails:
                try:
                    chars.append(bytes([hi, lo]).decode(encoding))
                except UnicodeDecodeError:
                    pass
    return chars


def hanzi():
    gb2312 = decodable('gb2312', [(range(0xB0, 0xF8), range(0xA1, 0xFF))])
    big5_frequent = [
        c for c in decodable('big5', [(range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))])
        if c.encode('big5') <= b'\xc6\x7e'
    ]
    return sorted(set(gb2312) | set(big5_frequent))


def content_characters():
    chars = set()
    for path in (ROOT / 'content').rglob('*'):
        if path.suffix in ('.md', '.yaml', '.yml'):
            chars.update(path.read_text(encoding='utf-8'))
    return sorted(c for c in chars if c.isprintable())


def subset(source, output, text, unicodes, features, font_number=None):
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as f:
        f.write(text)
    command = [
        'pyftsubset', str(source), f'--output-file={output}', f'--text-file={f.name}',
        f'--unicodes={unicodes}', '--flavor=woff2', f'--layout-features={features}',
        '--no-hinting', '--desubroutinize', '--name-IDs=*', '--name-languages=*',
    ]
    if font_number is not None:
        command.append(f'--font-number={font_number}')
    subprocess.run(command, check=True)
    pathlib.Path(f.name).unlink()
    print(f'{output.relative_to(ROOT)}: {output.stat().st_size:,} octets')


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    own = ''.join(content_characters())
    subset(NOTO / 'NotoSans-Regular.ttf', OUT / 'noto-sans-regular.woff2', own, LATIN_GREEK_CYRILLIC, 'kern,liga')
    subset(NOTO / 'NotoSerif-Bold.ttf', OUT / 'noto-serif-bold.woff2', own, LATIN_GREEK_CYRILLIC, 'kern,liga')
    # No layout features for CJK: names need none, and the alternates they pull in double the size.
    subset(NOTO_CJK, OUT / 'noto-sans-cjk-sc-regular.woff2', own + ''.join(hanzi()), CJK_EXTRA, '', CJK_SC)


if __name__ == '__main__':
    main()
