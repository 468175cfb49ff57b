// zlib, for the CRC-32 checksums that tie a run's output files to its summary.csv.
#include <zlib.h>
