use criterion::{Criterion, criterion_group, criterion_main};

fn ingest_bundled(c: &mut Criterion) {
    c.bench_function("ingest bundled corpus", |b| b.iter(diglot::ingest::bundled));
}

criterion_group!(benches, ingest_bundled);
criterion_main!(benches);
