/**
 * Offers a fetched file (a PDF report) as a download named `fileName`. The link is put in the
 * document for the click (Firefox ignores clicks on detached links), and the object URL outlives
 * the click by ten seconds, as a large file may still be handed to the browser's download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
