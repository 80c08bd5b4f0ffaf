/* An empty ICU common-data package, laid out as ICU's own stubdata (icu4c/source/stubdata).
 *
 * Linux only: PySide6's Qt links ICU, whose data library (libicudata.so.73) is 31 MB of
 * collation, conversion and locale tables the app never asks for (Qt has its own locale
 * data; the app writes UTF-8 only). build_installer.spec compiles this file and puts the
 * result in its place, so Qt still loads, ICU answers "no data" and Qt falls back on its
 * own code (QCollator compares code points). See docs/INSTALLER.md. The symbol name carries
 * ICU's major version: ICU_MAJOR is set by the spec from the bundled library's name. */
#include <stdint.h>
typedef struct {
    uint16_t size; uint16_t reservedWord;
    uint8_t isBigEndian, charsetFamily, sizeofUChar, reservedByte;
    uint8_t dataFormat[4], formatVersion[4], dataVersion[4];
} UDataInfo;
typedef struct {
    uint16_t headerSize; uint8_t magic1, magic2;
    UDataInfo info;
    char padding[8];
    uint32_t count, reserved;
    struct { uint32_t nameOffset, dataOffset; } toc[1];
} ICU_Data_Header;
#ifndef ICU_MAJOR
#define ICU_MAJOR 73
#endif
#define JOIN_(a, b, c) a##b##c
#define JOIN(a, b, c) JOIN_(a, b, c)
__attribute__((visibility("default"))) const ICU_Data_Header JOIN(icudt, ICU_MAJOR, _dat) = {
    32, 0xda, 0x27,
    { sizeof(UDataInfo), 0, 0, 0, 2, 0, {0x54, 0x6f, 0x43, 0x50}, {1, 0, 0, 0}, {0, 0, 0, 0} },
    {0, 0, 0, 0, 0, 0, 0, 0}, 0, 0, {{0, 0}}
};
