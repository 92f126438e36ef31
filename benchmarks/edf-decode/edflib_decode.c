/* Reads every physical sample of an EDF/EDF+ with EDFlib (Debian libedf-dev), one minute of all
 * channels at a time, and prints samples, seconds, a checksum: the C peer of EdfDecode.decode.
 * Build: gcc -O2 -o target/edflib_decode edflib_decode.c -ledf */
#include <edflib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Every 16th sample, as EdfDecode.sum and mne_decode.py: checks the values without dominating the time. */
static double sum(const double *v, int n) {
    double total = 0;
    for (int i = 0; i < n; i += 16) total += v[i];
    return total;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: edflib_decode FILE\n");
        return 2;
    }
    struct timespec begin, end;
    clock_gettime(CLOCK_MONOTONIC, &begin);
    static struct edf_hdr_struct hdr;
    if (edfopen_file_readonly(argv[1], &hdr, EDFLIB_READ_ALL_ANNOTATIONS) < 0) {
        fprintf(stderr, "edfopen_file_readonly failed: error %d\n", hdr.filetype);
        return 1;
    }
    int handle = hdr.handle;
    long long records = hdr.datarecords_in_file;
    int block_records = 60;
    int max_block = 0;
    for (int s = 0; s < hdr.edfsignals; s++) {
        int n = hdr.signalparam[s].smp_in_datarecord * block_records;
        if (n > max_block) max_block = n;
    }
    double *buf = malloc(sizeof(double) * max_block);
    long long samples = 0;
    double checksum = 0;
    for (long long r = 0; r < records; r += block_records) {
        long long left = records - r < block_records ? records - r : block_records;
        for (int s = 0; s < hdr.edfsignals; s++) {
            int n = (int) (hdr.signalparam[s].smp_in_datarecord * left);
            if (edfread_physical_samples(handle, s, n, buf) != n) {
                fprintf(stderr, "edfread_physical_samples failed on signal %d\n", s);
                return 1;
            }
            checksum += sum(buf, n);
            samples += n;
        }
    }
    edfclose_file(handle);
    free(buf);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - begin.tv_sec) + (end.tv_nsec - begin.tv_nsec) / 1e9;
    printf("samples=%lld seconds=%.4f checksum=%.12e\n", samples, seconds, checksum);
    return 0;
}
