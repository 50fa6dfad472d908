#!/usr/bin/env python3
"""
Regenerates the fonts of the preview images, src/assets/fonts/*.woff2, from Debian's Noto
fonts. They are subsets: the full fonts weigh tens of megabytes, and the build never
downloads a font. Run it after adding a document whose names use a character the previews
lack (the build names the file, the field and the script, « aucune police des aperçus ne
dessine l'écriture … »), then commit the fonts it writes:

    apt-get install -y fonts-noto-core fonts-noto-cjk fonttools python3-brotli
    /usr/bin/python3 scripts/subset-fonts.py [content folder, content/ by default]

Three fonts are always written. Each keeps: Latin (with every accent French and other
European languages use), Greek, Cyrillic and general punctuation; the CJK font also keeps the
6,763 hanzi of GB 2312, the 5,401 frequent hanzi of Big5, kana and CJK punctuation. Every
character written anywhere in content/ is added to every subset, so the archive's own names
are always covered. A character that none of the three has (Arabic, Hebrew, Devanagari,
Georgian, Thai…) is looked for in every Noto font installed, Sans first, and the font that
has most of them is subset to them, with all its layout features (joining, reordering), as
noto-<its name>.woff2: the previews take a character from it when the three lack it.
NOTO_DIR and NOTO_CJK_DIR name other folders of fonts than Debian's.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'src' / 'assets' / 'fonts'
NOTO = pathlib.Path(os.environ.get('NOTO_DIR', '/usr/share/fonts/truetype/noto'))
NOTO_CJK = pathlib.Path(os.environ.get('NOTO_CJK_DIR', '/usr/share/fonts/opentype/noto')) / 'NotoSansCJK-Regular.ttc'
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


BASE = ['noto-sans-regular.woff2', 'noto-serif-bold.woff2', 'noto-sans-cjk-sc-regular.woff2']


def content_characters(content):
    chars = set()
    for path in content.rglob('*'):
        if path.suffix in ('.md', '.yaml', '.yml'):
            chars.update(path.read_text(encoding='utf-8'))
    return sorted(c for c in chars if c.isprintable())


def subset(source, output, text, unicodes, features, font_number=None):
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as f:
        f.write(text)
    command = [
        'pyftsubset', str(source), f'--output-file={output}', f'--text-file={f.name}',
        '--flavor=woff2', f'--layout-features={features}',
        '--no-hinting', '--desubroutinize', '--name-IDs=*', '--name-languages=*',
    ] + ([f'--unicodes={unicodes}'] if unicodes else [])
    if font_number is not None:
        command.append(f'--font-number={font_number}')
    subprocess.run(command, check=True)
    pathlib.Path(f.name).unlink()
    print(f'{output.relative_to(ROOT)}: {output.stat().st_size:,} octets')


def code_points(path, font_number=None):
    """The characters a font has a glyph for."""
    font = TTFont(path, fontNumber=-1 if font_number is None else font_number, lazy=True)
    points = set(font.getBestCmap() or {})
    font.close()
    return points


def other_fonts(own):
    """
    For the characters of content/ that the three fonts lack: the installed Noto fonts that
    have them, each with the characters it is to keep (the font that has most of those still
    missing first, a Sans before others), and the characters that no installed font has.
    """
    base = code_points(NOTO / 'NotoSans-Regular.ttf') | code_points(NOTO / 'NotoSerif-Bold.ttf')
    base |= code_points(NOTO_CJK, CJK_SC)
    missing = {c for c in own if ord(c) not in base and not c.isspace()}
    if not missing:
        return [], set()
    # Regular weights of text faces: not the UI, mono or display variants.
    candidates = [
        p for p in sorted(NOTO.glob('Noto*-Regular.ttf'))
        if not re.search(r'UI|Mono|Display|Looped|Unjoined', p.name)
    ]
    has = {p: {chr(c) for c in code_points(p)} for p in candidates}
    chosen = []
    while missing:
        best = max(candidates, key=lambda p: (len(has[p] & missing), p.name.startswith('NotoSans'), -len(p.name)))
        chars = has[best] & missing
        if not chars:
            break
        chosen.append((best, chars))
        missing -= chars
    return chosen, missing


def font_name(path):
    """NotoSansArabic-Regular.ttf: noto-sans-arabic-regular.woff2."""
    return re.sub(r'(?<=[a-z0-9])(?=[A-Z])', '-', path.stem).lower() + '.woff2'


def main():
    content = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / 'content'
    OUT.mkdir(parents=True, exist_ok=True)
    own = ''.join(content_characters(content))
    subset(NOTO / 'NotoSans-Regular.ttf', OUT / 'noto-sans-regular.woff2', own, LATIN_GREEK_CYRILLIC, 'kern,liga')
    subset(NOTO / 'NotoSerif-Bold.ttf', OUT / 'noto-serif-bold.woff2', own, LATIN_GREEK_CYRILLIC, 'kern,liga')
    # No layout features for CJK: names need none, and the alternates they pull in double the size.
    subset(NOTO_CJK, OUT / 'noto-sans-cjk-sc-regular.woff2', own + ''.join(hanzi()), CJK_EXTRA, '', CJK_SC)
    chosen, unknown = other_fonts(own)
    written = set(BASE)
    for source, chars in chosen:
        # Every layout feature: Arabic joins its letters, Indic scripts reorder theirs.
        subset(source, OUT / font_name(source), ''.join(sorted(chars)), '', '*')
        written.add(font_name(source))
    # A font of another script that content/ no longer writes is not kept.
    for path in OUT.glob('*.woff2'):
        if path.name not in written:
            path.unlink()
            print(f'{path.relative_to(ROOT)}: retirée (content/ n’écrit plus cette écriture)')
    if unknown:
        listed = ' '.join(f'{c} (U+{ord(c):04X})' for c in sorted(unknown))
        print(
            f'Aucune police Noto de {NOTO} ne dessine : {listed}. Installez le paquet Debian de '
            'la police qui les a (fonts-noto-extra, par exemple), puis relancez ce script.',
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == '__main__':
    main()
