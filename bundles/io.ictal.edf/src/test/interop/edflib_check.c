/* Opens a file with EDFlib (the library behind EDFbrowser, with its header checks) and prints what it
 * read: file type, signals, records, annotations. Build: gcc -O2 -o edflib_check edflib_check.c -ledf */
#include <edflib.h>
#include <stdio.h>

int main(int argc, char **argv) {
    static struct edf_hdr_struct hdr;
    if (argc != 2) return 2;
    if (edfopen_file_readonly(argv[1], &hdr, EDFLIB_READ_ALL_ANNOTATIONS) < 0) {
        printf("%s: REFUSED by EDFlib, error %d\n", argv[1], hdr.filetype);
        return 1;
    }
    printf("%s: filetype=%d signals=%d records=%lld annotations=%lld start=%d-%02d-%02d %02d:%02d:%02d +%lld00ns\n",
           argv[1], hdr.filetype, hdr.edfsignals, hdr.datarecords_in_file, hdr.annotations_in_file,
           hdr.startdate_year, hdr.startdate_month, hdr.startdate_day, hdr.starttime_hour, hdr.starttime_minute,
           hdr.starttime_second, hdr.starttime_subsecond);
    for (long long i = 0; i < hdr.annotations_in_file; i++) {
        struct edf_annotation_struct a;
        edf_get_annotation(hdr.handle, (int) i, &a);
        printf("  onset=%lld duration=%s text=%s\n", a.onset, a.duration, a.annotation);
    }
    edfclose_file(hdr.handle);
    return 0;
}
