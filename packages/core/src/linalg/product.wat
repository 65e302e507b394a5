;; C += alpha op(A) op(B) on row-major f64 arrays in this module's memory, with f64x2 SIMD.
;; The same packed, blocked algorithm as blockedProduct in product.ts (KC = 256, MC = 64, a 4 x 4
;; register block of C), so every entry of C is the same sum in the same order as there, and the
;; two kernels give the same bits. Only the arithmetic of a register block is vectorised: a row of
;; C's 4 x 4 block is two f64x2 accumulators, each lane a sequential sum over the depth (a multiply
;; then an add, both rounded: no fused multiply-add, which is not in baseline SIMD128 and would
;; change the bits).
;; Addresses are in bytes. Memory: [0, 128) the edge block, then the packed panels of A and B and
;; the arrays A, B, C, placed by the caller (productWasm.ts), which grows the memory.
;; The module also holds the symmetric matrix-vector product of the tridiagonalization's panels
;; (`symmetricProduct`, at the end), on arrays placed by symmetricProduct.ts.
(module
  (memory (export "memory") 1)

  ;; op(A)[i0.., p0..] into 4-row slivers, depth-major (4 values per depth step), zero padded.
  (func $packA (param $a i32) (param $out i32) (param $ta i32) (param $m i32) (param $k i32)
               (param $i0 i32) (param $height i32) (param $p0 i32) (param $depth i32)
    (local $ir i32) (local $ii i32) (local $p i32) (local $dst i32) (local $src i32) (local $step i32)
    (local.set $ir (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $ir) (local.get $height)))
        (local.set $ii (i32.const 0))
        (loop $slots
          ;; destination: out + (ir * depth + ii) * 8, advancing 32 bytes per depth step
          (local.set $dst (i32.add (local.get $out)
            (i32.shl (i32.add (i32.mul (local.get $ir) (local.get $depth)) (local.get $ii)) (i32.const 3))))
          (local.set $p (i32.const 0))
          (if (i32.ge_u (i32.add (local.get $ir) (local.get $ii)) (local.get $height))
            (then
              (loop $zero
                (f64.store (local.get $dst) (f64.const 0))
                (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
                (br_if $zero (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $depth)))))
            (else
              (if (local.get $ta)
                (then ;; a is k x m: element (i, p0 + p) at (p0 + p) * m + i
                  (local.set $src (i32.add (local.get $a) (i32.shl
                    (i32.add (i32.mul (local.get $p0) (local.get $m)) (i32.add (i32.add (local.get $i0) (local.get $ir)) (local.get $ii)))
                    (i32.const 3))))
                  (local.set $step (i32.shl (local.get $m) (i32.const 3))))
                (else ;; a is m x k: element (i, p0 + p) at i * k + p0 + p
                  (local.set $src (i32.add (local.get $a) (i32.shl
                    (i32.add (i32.mul (i32.add (i32.add (local.get $i0) (local.get $ir)) (local.get $ii)) (local.get $k)) (local.get $p0))
                    (i32.const 3))))
                  (local.set $step (i32.const 8))))
              (loop $copy
                (f64.store (local.get $dst) (f64.load (local.get $src)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
                (local.set $src (i32.add (local.get $src) (local.get $step)))
                (br_if $copy (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $depth))))))
          (br_if $slots (i32.lt_u (local.tee $ii (i32.add (local.get $ii) (i32.const 1))) (i32.const 4))))
        (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
        (br $rows))))

  ;; op(B)[p0.., :] into 4-column slivers, depth-major, zero padded.
  (func $packB (param $b i32) (param $out i32) (param $tb i32) (param $n i32) (param $k i32)
               (param $p0 i32) (param $depth i32)
    (local $jr i32) (local $jj i32) (local $j i32) (local $p i32) (local $dst i32) (local $src i32) (local $step i32)
    (local.set $jr (i32.const 0))
    (block $columnsDone
      (loop $columns
        (br_if $columnsDone (i32.ge_u (local.get $jr) (local.get $n)))
        (local.set $jj (i32.const 0))
        (loop $slots
          (local.set $j (i32.add (local.get $jr) (local.get $jj)))
          (local.set $dst (i32.add (local.get $out)
            (i32.shl (i32.add (i32.mul (local.get $jr) (local.get $depth)) (local.get $jj)) (i32.const 3))))
          (local.set $p (i32.const 0))
          (if (i32.ge_u (local.get $j) (local.get $n))
            (then
              (loop $zero
                (f64.store (local.get $dst) (f64.const 0))
                (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
                (br_if $zero (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $depth)))))
            (else
              (if (local.get $tb)
                (then ;; b is n x k: element (p0 + p, j) at j * k + p0 + p
                  (local.set $src (i32.add (local.get $b) (i32.shl
                    (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $p0)) (i32.const 3))))
                  (local.set $step (i32.const 8)))
                (else ;; b is k x n: element (p0 + p, j) at (p0 + p) * n + j
                  (local.set $src (i32.add (local.get $b) (i32.shl
                    (i32.add (i32.mul (local.get $p0) (local.get $n)) (local.get $j)) (i32.const 3))))
                  (local.set $step (i32.shl (local.get $n) (i32.const 3)))))
              (loop $copy
                (f64.store (local.get $dst) (f64.load (local.get $src)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
                (local.set $src (i32.add (local.get $src) (local.get $step)))
                (br_if $copy (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $depth))))))
          (br_if $slots (i32.lt_u (local.tee $jj (i32.add (local.get $jj) (i32.const 1))) (i32.const 4))))
        (local.set $jr (i32.add (local.get $jr) (i32.const 4)))
        (br $columns))))

  ;; C[i.., j..] += alpha (4 x depth sliver at pa)(depth x 4 sliver at pb), writing rows x columns.
  (func $kernel (param $pa i32) (param $pb i32) (param $depth i32) (param $c i32) (param $ldc i32)
                (param $i i32) (param $j i32) (param $rows i32) (param $columns i32) (param $alpha f64)
    (local $end i32) (local $o i32) (local $stride i32) (local $ii i32) (local $jj i32) (local $al v128)
    (local $b0 v128) (local $b1 v128) (local $av v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $depth) (i32.const 5))))
    (loop $depthLoop
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $av (v128.load64_splat (local.get $pa)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $av) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $av) (local.get $b1))))
      (local.set $av (v128.load64_splat offset=8 (local.get $pa)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $av) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $av) (local.get $b1))))
      (local.set $av (v128.load64_splat offset=16 (local.get $pa)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $av) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $av) (local.get $b1))))
      (local.set $av (v128.load64_splat offset=24 (local.get $pa)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $av) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $av) (local.get $b1))))
      (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
      (br_if $depthLoop (i32.lt_u (local.tee $pa (i32.add (local.get $pa) (i32.const 32))) (local.get $end))))
    (local.set $al (f64x2.splat (local.get $alpha)))
    (if (i32.and (i32.eq (local.get $rows) (i32.const 4)) (i32.eq (local.get $columns) (i32.const 4)))
      (then
        (local.set $stride (i32.shl (local.get $ldc) (i32.const 3)))
        (local.set $o (i32.add (local.get $c)
          (i32.shl (i32.add (i32.mul (local.get $i) (local.get $ldc)) (local.get $j)) (i32.const 3))))
        (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (f64x2.mul (local.get $al) (local.get $c00))))
        (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $al) (local.get $c01))))
        (local.set $o (i32.add (local.get $o) (local.get $stride)))
        (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (f64x2.mul (local.get $al) (local.get $c10))))
        (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $al) (local.get $c11))))
        (local.set $o (i32.add (local.get $o) (local.get $stride)))
        (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (f64x2.mul (local.get $al) (local.get $c20))))
        (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $al) (local.get $c21))))
        (local.set $o (i32.add (local.get $o) (local.get $stride)))
        (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (f64x2.mul (local.get $al) (local.get $c30))))
        (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $al) (local.get $c31))))
        (return)))
    ;; An edge of C: the block goes through the scratch at address 0 and only what exists is written.
    (v128.store offset=0 (i32.const 0) (local.get $c00))
    (v128.store offset=16 (i32.const 0) (local.get $c01))
    (v128.store offset=32 (i32.const 0) (local.get $c10))
    (v128.store offset=48 (i32.const 0) (local.get $c11))
    (v128.store offset=64 (i32.const 0) (local.get $c20))
    (v128.store offset=80 (i32.const 0) (local.get $c21))
    (v128.store offset=96 (i32.const 0) (local.get $c30))
    (v128.store offset=112 (i32.const 0) (local.get $c31))
    (local.set $ii (i32.const 0))
    (loop $edgeRows
      (local.set $jj (i32.const 0))
      (loop $edgeColumns
        (local.set $o (i32.add (local.get $c) (i32.shl
          (i32.add (i32.mul (i32.add (local.get $i) (local.get $ii)) (local.get $ldc)) (i32.add (local.get $j) (local.get $jj)))
          (i32.const 3))))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
          (f64.mul (local.get $alpha) (f64.load (i32.shl (i32.add (i32.shl (local.get $ii) (i32.const 2)) (local.get $jj)) (i32.const 3))))))
        (br_if $edgeColumns (i32.lt_u (local.tee $jj (i32.add (local.get $jj) (i32.const 1))) (local.get $columns))))
      (br_if $edgeRows (i32.lt_u (local.tee $ii (i32.add (local.get $ii) (i32.const 1))) (local.get $rows)))))

  ;; C += alpha op(A) op(B), op(A) m x k, op(B) k x n, C m x n (m, n, k >= 1); with $upper (square C)
  ;; a row block skips the register blocks left of the diagonal. $pa holds 64 x 256 doubles, $pb
  ;; 256 x n rounded up to a multiple of 4.
  (func (export "product") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
        (param $ta i32) (param $tb i32) (param $alpha f64) (param $upper i32) (param $pa i32) (param $pb i32)
    (local $p0 i32) (local $depth i32) (local $i0 i32) (local $height i32) (local $ir i32) (local $jr i32)
    (local $rows i32) (local $columns i32)
    (local.set $p0 (i32.const 0))
    (loop $depthBlocks
      (local.set $depth (i32.sub (local.get $k) (local.get $p0)))
      (if (i32.gt_u (local.get $depth) (i32.const 256)) (then (local.set $depth (i32.const 256))))
      (call $packB (local.get $b) (local.get $pb) (local.get $tb) (local.get $n) (local.get $k) (local.get $p0) (local.get $depth))
      (local.set $i0 (i32.const 0))
      (loop $rowBlocks
        (local.set $height (i32.sub (local.get $m) (local.get $i0)))
        (if (i32.gt_u (local.get $height) (i32.const 64)) (then (local.set $height (i32.const 64))))
        (call $packA (local.get $a) (local.get $pa) (local.get $ta) (local.get $m) (local.get $k)
                     (local.get $i0) (local.get $height) (local.get $p0) (local.get $depth))
        (local.set $ir (i32.const 0))
        (loop $registerRows
          (local.set $rows (i32.sub (local.get $height) (local.get $ir)))
          (if (i32.gt_u (local.get $rows) (i32.const 4)) (then (local.set $rows (i32.const 4))))
          ;; i0 + ir is a multiple of 4, so the diagonal block starts there
          (local.set $jr (select (i32.add (local.get $i0) (local.get $ir)) (i32.const 0) (local.get $upper)))
          (block $columnsDone
            (loop $registerColumns
              (br_if $columnsDone (i32.ge_u (local.get $jr) (local.get $n)))
              (local.set $columns (i32.sub (local.get $n) (local.get $jr)))
              (if (i32.gt_u (local.get $columns) (i32.const 4)) (then (local.set $columns (i32.const 4))))
              (call $kernel
                (i32.add (local.get $pa) (i32.shl (i32.mul (local.get $ir) (local.get $depth)) (i32.const 3)))
                (i32.add (local.get $pb) (i32.shl (i32.mul (local.get $jr) (local.get $depth)) (i32.const 3)))
                (local.get $depth) (local.get $c) (local.get $n)
                (i32.add (local.get $i0) (local.get $ir)) (local.get $jr) (local.get $rows) (local.get $columns) (local.get $alpha))
              (local.set $jr (i32.add (local.get $jr) (i32.const 4)))
              (br $registerColumns)))
          (br_if $registerRows (i32.lt_u (local.tee $ir (i32.add (local.get $ir) (i32.const 4))) (local.get $height))))
        (br_if $rowBlocks (i32.lt_u (local.tee $i0 (i32.add (local.get $i0) (i32.const 64))) (local.get $m))))
      (br_if $depthBlocks (i32.lt_u (local.tee $p0 (i32.add (local.get $p0) (i32.const 256))) (local.get $k)))))

  ;; out = B v for the symmetric m x m block B at $a (row-major, $ld doubles per row, lower triangle read),
  ;; v and out m doubles each (tridiagonalize's panels, through symmetricProduct.ts). The order of
  ;; every sum is that of symmetricProductJs there, so the two give the same bits: rows four at a
  ;; time, each row's sum over the columns left of its block of four split into two lanes (even and
  ;; odd columns) added at the end, each out[j] += (e0 v0 + e1 v1) + (e2 v2 + e3 v3); the 4 x 4
  ;; diagonal block and the last m mod 4 rows in scalar, in order.
  (func (export "symmetricProduct") (param $a i32) (param $ld i32) (param $m i32) (param $v i32) (param $out i32)
    (local $i i32) (local $jb i32) (local $ib i32) (local $stride i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $vj v128)
    (local $e0 v128) (local $e1 v128) (local $e2 v128) (local $e3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $row i32) (local $ii i32) (local $b i32) (local $sum f64) (local $vi f64) (local $entry f64) (local $o i32)
    (local.set $stride (i32.shl (local.get $ld) (i32.const 3)))
    ;; out = 0
    (local.set $jb (i32.const 0))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $jb) (i32.shl (local.get $m) (i32.const 3))))
        (f64.store (i32.add (local.get $out) (local.get $jb)) (f64.const 0))
        (local.set $jb (i32.add (local.get $jb) (i32.const 8)))
        (br $zero)))
    (local.set $i (i32.const 0))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (i32.add (local.get $i) (i32.const 3)) (local.get $m)))
        (local.set $ib (i32.shl (local.get $i) (i32.const 3)))
        (local.set $r0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $stride)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $stride)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $stride)))
        (local.set $v0 (v128.load64_splat (i32.add (local.get $v) (local.get $ib))))
        (local.set $v1 (v128.load64_splat offset=8 (i32.add (local.get $v) (local.get $ib))))
        (local.set $v2 (v128.load64_splat offset=16 (i32.add (local.get $v) (local.get $ib))))
        (local.set $v3 (v128.load64_splat offset=24 (i32.add (local.get $v) (local.get $ib))))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0))
        ;; columns 0 .. i - 1 in pairs (i is a multiple of 4)
        (local.set $jb (i32.const 0))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $jb) (local.get $ib)))
            (local.set $vj (v128.load (i32.add (local.get $v) (local.get $jb))))
            (local.set $e0 (v128.load (i32.add (local.get $r0) (local.get $jb))))
            (local.set $e1 (v128.load (i32.add (local.get $r1) (local.get $jb))))
            (local.set $e2 (v128.load (i32.add (local.get $r2) (local.get $jb))))
            (local.set $e3 (v128.load (i32.add (local.get $r3) (local.get $jb))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $e0) (local.get $vj))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $e1) (local.get $vj))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $e2) (local.get $vj))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $e3) (local.get $vj))))
            (local.set $o (i32.add (local.get $out) (local.get $jb)))
            (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o))
              (f64x2.add
                (f64x2.add (f64x2.mul (local.get $e0) (local.get $v0)) (f64x2.mul (local.get $e1) (local.get $v1)))
                (f64x2.add (f64x2.mul (local.get $e2) (local.get $v2)) (f64x2.mul (local.get $e3) (local.get $v3))))))
            (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
            (br $pairs)))
        ;; the 4 x 4 diagonal block from its lower triangle, row ii's sum starting from its two lanes
        (local.set $ii (i32.const 0))
        (loop $diagonalRows
          (local.set $sum
            (if (result f64) (i32.eqz (local.get $ii))
              (then (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))
              (else (if (result f64) (i32.eq (local.get $ii) (i32.const 1))
                (then (f64.add (f64x2.extract_lane 0 (local.get $s1)) (f64x2.extract_lane 1 (local.get $s1))))
                (else (if (result f64) (i32.eq (local.get $ii) (i32.const 2))
                  (then (f64.add (f64x2.extract_lane 0 (local.get $s2)) (f64x2.extract_lane 1 (local.get $s2))))
                  (else (f64.add (f64x2.extract_lane 0 (local.get $s3)) (f64x2.extract_lane 1 (local.get $s3))))))))))
          (local.set $b (i32.const 0))
          (loop $diagonalColumns
            ;; entry (ii, b) of the block: (i + ii, i + b) when b <= ii, else (i + b, i + ii)
            (local.set $sum (f64.add (local.get $sum) (f64.mul
              (f64.load (select
                (i32.add (i32.add (local.get $r0) (i32.mul (local.get $ii) (local.get $stride))) (i32.add (local.get $ib) (i32.shl (local.get $b) (i32.const 3))))
                (i32.add (i32.add (local.get $r0) (i32.mul (local.get $b) (local.get $stride))) (i32.add (local.get $ib) (i32.shl (local.get $ii) (i32.const 3))))
                (i32.le_u (local.get $b) (local.get $ii))))
              (f64.load (i32.add (i32.add (local.get $v) (local.get $ib)) (i32.shl (local.get $b) (i32.const 3)))))))
            (br_if $diagonalColumns (i32.lt_u (local.tee $b (i32.add (local.get $b) (i32.const 1))) (i32.const 4))))
          (local.set $o (i32.add (i32.add (local.get $out) (local.get $ib)) (i32.shl (local.get $ii) (i32.const 3))))
          (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $sum)))
          (br_if $diagonalRows (i32.lt_u (local.tee $ii (i32.add (local.get $ii) (i32.const 1))) (i32.const 4))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $blocks)))
    ;; the last m mod 4 rows one at a time, in order
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $ib (i32.shl (local.get $i) (i32.const 3)))
        (local.set $row (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $vi (f64.load (i32.add (local.get $v) (local.get $ib))))
        (local.set $sum (f64.const 0))
        (local.set $jb (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_u (local.get $jb) (local.get $ib)))
            (local.set $entry (f64.load (i32.add (local.get $row) (local.get $jb))))
            (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $entry) (f64.load (i32.add (local.get $v) (local.get $jb))))))
            (local.set $o (i32.add (local.get $out) (local.get $jb)))
            (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (f64.mul (local.get $entry) (local.get $vi))))
            (local.set $jb (i32.add (local.get $jb) (i32.const 8)))
            (br $columns)))
        (local.set $o (i32.add (local.get $out) (local.get $ib)))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
          (f64.add (local.get $sum) (f64.mul (f64.load (i32.add (local.get $row) (local.get $ib))) (local.get $vi)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest))))
)
